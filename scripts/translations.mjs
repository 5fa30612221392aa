// The editors' list of translation work: every notice and course with a language it is not translated
// into yet ("missing") or whose translation is older than the original's last update ("stale").
// Usage: npm run translations -- [--all] [--json] [content-folder]   (default: MODUS_CONTENT_DIR or content)
//   --all   also list what is fully translated;   --json   print the rows as JSON.
// Exit code 0 either way: this is a to-do list, not a check.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { translationStatus } from '../src/build/translation-status.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { all: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
});
const contentDir = path.resolve(positionals[0] ?? process.env.MODUS_CONTENT_DIR ?? 'content');
const rows = translationStatus(contentDir);
const todo = (r) => Object.values(r.states).some((s) => s === 'missing' || s === 'stale');
const shown = values.all ? rows : rows.filter(todo);
if (values.json) {
  console.log(JSON.stringify(shown, null, 2));
} else {
  const mark = { original: 'original', translated: 'ok', stale: 'STALE', missing: '-' };
  const langs = ['en', 'fr', 'es', 'ar'];
  console.log(['kind', 'id', ...langs, 'title'].join('\t'));
  for (const r of shown) console.log([r.kind, r.id, ...langs.map((l) => mark[r.states[l]]), r.title].join('\t'));
  const count = (state) => rows.reduce((n, r) => n + Object.values(r.states).filter((s) => s === state).length, 0);
  console.log(
    `\n${rows.length} notices and courses in ${contentDir}: ${count('missing')} translations missing, ${count('stale')} stale ` +
      `(older than the original's last update), ${count('translated')} up to date.`,
  );
}
