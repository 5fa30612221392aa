// npm start: builds the site (MODUS_AUDIENCE, default public) and serves dist/ on 127.0.0.1:4321
// together with decap-server on 127.0.0.1:8081, so the CMS at /admin/ can edit content/notices/.
// An editor's save is written into the content folder; the site shows it after the next build
// (stop with Ctrl-C and run npm start again). Ctrl-C stops both servers.
// Several at once, side by side (two audiences, two content folders): each on its own ports; on another
// port than 4321 the build goes to dist-<port>/ (unless --out-dir says where), so no two share an out folder.
import path from 'node:path';
import { settingsOrExit } from '../src/build/settings-or-exit.ts';
import { parseArgsOrExit, portOrExit } from './lib/args.mjs';
import {
  HOST,
  ROOT,
  assertCmsBackendReady,
  assertPortFree,
  build,
  runUntilStopped,
  startDecapServer,
  startSite,
  stop,
} from './lib/servers.mjs';

const { values } = parseArgsOrExit({
  options: {
    port: { type: 'string', default: '4321' },
    'cms-port': { type: 'string', default: '8081' },
    'out-dir': { type: 'string' },
    workflow: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(`Usage: npm start -- [--port 4321] [--cms-port 8081] [--workflow] [--no-build] [--out-dir dist]
  --workflow   decap-server in git mode: editorial workflow (draft, in review, ready, published) as git branches
  --no-build   serve the existing build instead of building first
  --out-dir    the build's folder: by default dist/ on port 4321, dist-<port>/ on another port
Side by side: MODUS_AUDIENCE=community npm start -- --port 4322 --cms-port 8082`);
  process.exit(0);
}
const settings = settingsOrExit();
/** A folder as the user knows it: relative to the project when inside it, else absolute. */
const shown = (dir) => (dir.startsWith(ROOT + path.sep) ? path.relative(ROOT, dir) : dir);
const port = portOrExit(values.port, '--port');
const cmsPort = portOrExit(values['cms-port'], '--cms-port');
// One out folder per port: previews side by side never build into one another's folder.
const outDir = path.resolve(ROOT, values['out-dir'] ?? (port === 4321 ? 'dist' : `dist-${port}`));

try {
  // Everything that would stop the servers is checked before the (long) build.
  await assertPortFree(port, 'the site server');
  if (settings.admin) {
    await assertPortFree(cmsPort, 'decap-server');
    assertCmsBackendReady(settings.contentDir, values.workflow ? 'git' : 'fs');
  }
  if (!values['no-build']) {
    console.log(`Building the site for the "${settings.audience}" audience from ${shown(settings.contentDir)} into ${shown(outDir)}…`);
    await build({ outDir });
  }
  const servers = [];
  try {
    if (settings.admin) {
      servers.push(await startDecapServer({ port: cmsPort, contentDir: settings.contentDir, mode: values.workflow ? 'git' : 'fs' }));
    }
    servers.push(await startSite({ port, cmsPort, outDir, base: settings.base }));
  } catch (err) {
    await Promise.all(servers.map((s) => stop(s.child)));
    throw err;
  }
  // The site is served under the path of MODUS_SITE_URL (its base), as it will be once published.
  const site = `http://${HOST}:${port}${settings.base.slice(0, -1)}`;
  console.log(`\nModus is running.\n  Site:    ${site}/`);
  if (settings.admin) {
    console.log(
      `  Editor:  ${site}/admin/   (decap-server on ${HOST}:${cmsPort}, ${values.workflow ? 'editorial workflow, git' : 'saving straight into the content folder'})`,
    );
    console.log(
      `  Saved notices go to ${path.join(shown(settings.contentDir), 'notices')}/; the site shows them after the next build: press Ctrl-C and run npm start again.`,
    );
  }
  console.log('Press Ctrl-C to stop.');
  process.exit(await runUntilStopped(servers));
} catch (err) {
  console.error(`\n${err.message}`);
  process.exit(1);
}
