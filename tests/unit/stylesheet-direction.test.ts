/**
 * The stylesheets (src/render/styles/) are written for both reading directions, and Arabic is drawn in
 * the site's own font. Prevents: a rule that puts something on the left or the right (margin-left,
 * padding-right, left:, text-align: right, float: left, border-left, an uneven four-value margin or
 * border-radius, a fixed `direction`) and so lays out an Arabic page in mirror image; a per-property
 * `[dir=rtl]` override instead of a logical property; and an Arabic @font-face that loads its file from
 * another host or from no file at all (the closed network would show Arabic in whatever font the
 * machine has, or none).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { STYLES_DIR } from '../helpers/stylesheet.ts';

/** A declaration of a stylesheet: where it is, its block, the selector (or at-rule) of that block, property and value. */
interface Declaration {
  file: string;
  line: number;
  /** The number of its block in the file (declarations of one block share it). */
  block: number;
  selector: string;
  property: string;
  value: string;
}

/**
 * Physical declarations allowed on purpose: `file`, `selector` and `declaration` (`property: value`) as
 * written, and why the left or the right is meant there and not the start or the end. None is needed
 * today: every rule of the stylesheets is written with logical properties.
 */
const ALLOWED: ReadonlyArray<{ file: string; selector: string; declaration: string; why: string }> = [];

/**
 * The declarations of a stylesheet's text, each with the prelude of the innermost block holding it
 * (nested blocks, strings and parentheses are followed; comments are skipped).
 */
function declarationsOf(file: string, css: string): Declaration[] {
  const text = css.replace(/\/\*[^]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  const out: Declaration[] = [];
  const blocks: Array<{ selector: string; block: number }> = [];
  let blockCount = 0;
  let start = 0;
  let depth = 0;
  const statement = (end: number) => {
    const part = text.slice(start, end);
    const colon = part.indexOf(':');
    const open = blocks.at(-1);
    if (open && colon > 0 && part.trim()) {
      const line = text.slice(0, start + part.length - part.trimStart().length).split('\n').length;
      out.push({ file, line, ...open, property: part.slice(0, colon).trim().toLowerCase(), value: part.slice(colon + 1).trim() });
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') i = text.indexOf(c, i + 1);
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth > 0) continue;
    else if (c === '{') {
      blocks.push({ selector: text.slice(start, i).trim().replace(/\s+/g, ' '), block: ++blockCount });
      start = i + 1;
    } else if (c === ';' || c === '}') {
      statement(i);
      if (c === '}') blocks.pop();
      start = i + 1;
    }
  }
  return out;
}

/** Space-separated values at the top level (a `calc(…)` or `var(…)`, with one level of parentheses inside, is one value). */
function topLevelValues(value: string): string[] {
  return value.match(/(?:[^\s(]|\((?:[^()]|\([^()]*\))*\))+/g) ?? [];
}

const BOX_SHORTHANDS = new Set([
  'margin',
  'padding',
  'inset',
  'border-width',
  'border-style',
  'border-color',
  'scroll-margin',
  'scroll-padding',
]);

/** Whether a length is zero (`0`, `0px`, `-0.0em`). */
const isZero = (length: string) => /^-?0*\.?0+[a-z%]*$/i.test(length);

/** The four corners (top-left, top-right, bottom-right, bottom-left) of one half of a border-radius value. */
function corners(values: string[]): string[] {
  const [a, b = a, c = a, d = b] = values;
  return [a!, b!, c!, d!];
}

/** Why a declaration ties the layout to the left or the right, or null when it is the same in both directions. */
function physical(d: Declaration): string | null {
  const value = d.value.replace(/'[^']*'|"[^"]*"|url\([^)]*\)/g, "''");
  const words = `${d.property} ${value}`.toLowerCase().split(/[^a-z]+/);
  if (words.includes('left') || words.includes('right')) return 'names the left or the right (use inline-start / inline-end, start / end)';
  if (/:(left|right)\b/.test(d.selector)) return 'a left or right page';
  if (d.property === 'direction') return 'a fixed direction (isolate the text instead)';
  if (/\[dir\b/i.test(d.selector)) return 'a [dir] selector overriding a property per direction (use a logical property)';
  if (/:dir\(/.test(d.selector) && d.property !== 'transform') return 'a :dir() rule may only mirror a drawing (transform)';
  const mirroring = /:dir\(/.test(d.selector);
  const sideways = d.property === 'translate' ? topLevelValues(value)[0] : /translate(?:x|3d)?\(\s*([^,)\s]+)/i.exec(value)?.[1];
  if (!mirroring && /^(transform|translate)$/.test(d.property) && sideways !== undefined && !isZero(sideways))
    return 'a sideways move outside a :dir() rule';
  if (BOX_SHORTHANDS.has(d.property)) {
    const v = topLevelValues(value);
    if (v.length === 4 && v[1] !== v[3]) return 'different right and left sides (use the -inline-start / -inline-end longhands)';
  }
  if (d.property === 'border-radius') {
    for (const half of value.split('/')) {
      const [tl, tr, br, bl] = corners(topLevelValues(half));
      if (tl !== tr || br !== bl) return 'different left and right corners (use border-start-start-radius and the like)';
    }
  }
  if (/^(box|text)-shadow$/.test(d.property)) {
    for (const shadow of value.split(/,(?![^(]*\))/)) {
      const lengths = topLevelValues(shadow.replace(/\binset\b/, '')).filter((v) => /^-?[\d.]/.test(v));
      if (lengths[0] !== undefined && !isZero(lengths[0])) return 'a shadow cast to the left or the right';
    }
  }
  return null;
}

/** Every declaration of every stylesheet in src/render/styles/. */
function allDeclarations(): Declaration[] {
  return fs
    .readdirSync(STYLES_DIR)
    .filter((f) => f.endsWith('.css'))
    .sort()
    .flatMap((f) => declarationsOf(f, fs.readFileSync(new URL(f, STYLES_DIR), 'utf8')));
}

const isAllowed = (d: Declaration) =>
  ALLOWED.some((a) => a.file === d.file && a.selector === d.selector && a.declaration === `${d.property}: ${d.value}`);

describe('the stylesheets in both reading directions', () => {
  it('finds what would lay out a right-to-left page in mirror image (the check itself)', () => {
    const found = (css: string) =>
      declarationsOf('x.css', css)
        .filter((d) => physical(d) !== null)
        .map((d) => `${d.selector} ${d.property}`);
    expect(
      found(`
        .a { margin-left: 1rem; padding-right: 0; border-left: 1px solid; left: 0; right: auto; }
        .b { text-align: right; float: left; clear: right; background: linear-gradient(to right, red, blue); }
        .c { margin: 0 1rem 0 2rem; border-radius: 0 4px 4px 0; border-top-left-radius: 3px; direction: ltr; }
        [dir='rtl'] .d { margin-inline-start: 0; }
        .e:dir(rtl) { padding-inline-start: 0; }
        .f { transform: translateX(4px); box-shadow: 2px 0 3px #000; }
        @page :left { margin: 1cm; }
        .g { color: red; &:hover { color: blue; } padding-left: 1px; }
      `),
    ).toEqual([
      '.a margin-left',
      '.a padding-right',
      '.a border-left',
      '.a left',
      '.a right',
      '.b text-align',
      '.b float',
      '.b clear',
      '.b background',
      '.c margin',
      '.c border-radius',
      '.c border-top-left-radius',
      '.c direction',
      "[dir='rtl'] .d margin-inline-start",
      '.e:dir(rtl) padding-inline-start',
      '.f transform',
      '.f box-shadow',
      '@page :left margin',
      '.g padding-left',
    ]);
    expect(
      found(`
        .a { margin-inline-start: 1rem; inset-inline-end: 0; text-align: start; float: inline-end; border-inline-start: 1px solid; }
        .b { margin: 0 auto; padding: 0.3rem 1rem 0.6rem; margin: 1px 2px 3px 2px; border-radius: 6px; border-radius: 0 0 6px 6px; }
        .b { margin: 0 calc(var(--a) + 1px) 0 calc(var(--a) + 1px); }
        .c { content: 'left'; background: url(left.png); box-shadow: 0 1px 2px rgb(0 0 0 / 20%); transform: rotate(90deg); }
        .d:dir(rtl) { transform: scaleX(-1); }
        @page { margin: 18mm 14mm; @top-center { content: 'TLP:CLEAR'; } }
      `),
    ).toEqual([]);
  });

  it('no rule in src/render/styles/ names the left or the right, except the allowed ones', () => {
    const declarations = allDeclarations();
    expect(declarations.length).toBeGreaterThan(500);
    const offending = declarations
      .filter((d) => !isAllowed(d))
      .flatMap((d) => {
        const why = physical(d);
        return why ? [`${d.file}:${d.line} ${d.selector} { ${d.property}: ${d.value} }: ${why}`] : [];
      });
    expect(offending).toEqual([]);
  });

  it('every allowed physical declaration still exists and says why', () => {
    const declarations = allDeclarations();
    for (const a of ALLOWED) {
      expect(a.why.length, `${a.file} ${a.selector}`).toBeGreaterThan(20);
      expect(declarations.some((d) => isAllowed(d) && d.file === a.file && d.selector === a.selector)).toBe(true);
    }
  });
});

describe('the Arabic font', () => {
  const FAMILY = 'Noto Sans Arabic';
  const declarations = allDeclarations();
  const faces = [
    ...Map.groupBy(
      declarations.filter((d) => d.selector === '@font-face'),
      (d) => `${d.file} ${d.block}`,
    ).values(),
  ]
    .map((face) => new Map(face.map((d) => [d.property, d.value])))
    .filter((face) => face.get('font-family')?.replace(/['"]/g, '') === FAMILY);

  it('declares regular (400) and bold (700), each from a file of the site: a relative or package path, never a host', () => {
    expect(faces.map((f) => f.get('font-weight')).sort()).toEqual(['400', '700']);
    const require = createRequire(STYLES_DIR);
    for (const face of faces) {
      const urls = [...(face.get('src') ?? '').matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => m[1]!);
      expect(urls.length, 'src has a url()').toBeGreaterThan(0);
      for (const url of urls) {
        expect(url, 'no scheme and no host: the site serves the file itself').not.toMatch(/^([a-z][a-z0-9+.-]*:|\/\/)/i);
        const file = url.startsWith('.') ? new URL(url, STYLES_DIR) : require.resolve(url);
        expect(fs.readFileSync(file).subarray(0, 4).toString('latin1'), url).toBe('wOF2');
      }
    }
  });

  it('covers Arabic script only (the package’s Arabic unicode-range), so Latin text keeps the system font', () => {
    const require = createRequire(STYLES_DIR);
    const ranges = (JSON.parse(fs.readFileSync(require.resolve('@fontsource/noto-sans-arabic/unicode.json'), 'utf8')) as { arabic: string })
      .arabic;
    const norm = (r: string | undefined) => (r ?? '').replace(/\s+/g, '').toUpperCase();
    for (const face of faces) expect(norm(face.get('unicode-range'))).toBe(norm(ranges));
  });

  it('comes first in the font stack of Arabic text, which gets taller lines than the default', () => {
    const root = new Map(declarations.filter((d) => d.file === 'base.css' && d.selector === ':root').map((d) => [d.property, d.value]));
    const arabic = new Map(declarations.filter((d) => d.selector === ':lang(ar)').map((d) => [d.property, d.value]));
    expect(arabic.get('--font')).toBe(`'${FAMILY}', var(--font-system)`);
    expect(root.get('--font')).toBe('var(--font-system)');
    expect(root.get('--font-system')).toMatch(/^system-ui,/);
    expect(Number(arabic.get('--leading'))).toBeGreaterThan(Number(root.get('--leading')));
    expect(Number(arabic.get('--leading-heading'))).toBeGreaterThan(Number(root.get('--leading-heading')));
  });
});
