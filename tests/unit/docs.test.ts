/**
 * The repository explains itself: every link in README.md and docs/ leads to a file (and heading) in the
 * repository, every repository path the docs name exists, and no source, script, test or doc cites a
 * file outside the repository (the developers' briefs, a design document that is not here). Prevents a
 * newcomer following a link or a comment to something that does not exist.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const docs = [
  'README.md',
  ...fs
    // Subfolders too (docs/exchange/): a link there is relative to its own folder, and was once written as if it were not.
    .readdirSync(path.join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md') && !f.startsWith('performance/'))
    .map((f) => `docs/${f.split(path.sep).join('/')}`),
];

/** The text with fenced code blocks (and, with `inline`, inline code spans) blanked out, line numbers kept. */
function blankCode(md: string, inline: boolean): string {
  const fenced = md.replace(/```[\s\S]*?```/g, (m) => m.replace(/[^\n]/g, ' '));
  return inline ? fenced.replace(/`[^`\n]*`/g, (m) => ' '.repeat(m.length)) : fenced;
}

/** GitHub's heading anchors of a Markdown file. */
function anchorsOf(file: string): Set<string> {
  const slugger = new GithubSlugger();
  const md = blankCode(fs.readFileSync(file, 'utf8'), false);
  const out = new Set<string>();
  for (const m of md.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    out.add(slugger.slug(m[1]!.replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')));
  }
  return out;
}

/** Broken relative links and missing backticked repository paths in one Markdown file. */
function problemsOf(file: string): string[] {
  const abs = path.join(root, file);
  const raw = fs.readFileSync(abs, 'utf8');
  const problems: string[] = [];
  for (const m of blankCode(raw, true).matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const target = m[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // http(s), mailto: not a file of the repository
    const [p, hash] = target.split('#');
    const dest = p ? path.resolve(path.dirname(abs), decodeURIComponent(p)) : abs;
    if (!fs.existsSync(dest)) problems.push(`${file}: link ${target}: no such file`);
    else if (hash && dest.endsWith('.md') && !anchorsOf(dest).has(hash)) problems.push(`${file}: link ${target}: no heading #${hash}`);
  }
  for (const m of raw.matchAll(/`((?:src|scripts|tests|docs|content|public|\.ci)\/[^`\s]*)`/g)) {
    const p = m[1]!.replace(/[.,;:]$/, '');
    if (/[<>*…{}]/.test(p)) continue; // a pattern, not a path
    if (!fs.existsSync(path.join(root, p))) problems.push(`${file}: path \`${p}\` does not exist`);
  }
  return problems;
}

describe('the repository explains itself', () => {
  it('every relative link and named path in README.md and docs/ resolves inside the repository', () => {
    expect(docs.length).toBeGreaterThan(5);
    expect(docs.flatMap(problemsOf)).toEqual([]);
  });

  it('no tracked file cites the design brief or the shared briefs folder outside the repository', () => {
    const outside = [['DESIGN', '.md'].join(''), ['..', 'shared', ''].join('/')];
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((f) => /\.(ts|mjs|js|astro|md|css|yml|json)$/.test(f) && !f.startsWith('docs/performance/') && f !== 'package-lock.json');
    expect(tracked.length).toBeGreaterThan(100);
    const citing = tracked.filter((f) => {
      const text = fs.readFileSync(path.join(root, f), 'utf8');
      return outside.some((s) => text.includes(s));
    });
    expect(citing).toEqual([]);
  });
});
