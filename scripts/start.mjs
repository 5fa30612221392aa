// npm start: builds the site (MODUS_AUDIENCE, default public) and serves dist/ on 127.0.0.1:4321
// together with decap-server on 127.0.0.1:8081, so the CMS at /admin/ can edit content/notices/.
// An editor's save is written into the content folder; the site shows it after the next build
// (stop with Ctrl-C and run npm start again). Ctrl-C stops both servers.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { settingsOrExit } from './lib/settings.mjs';
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

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4321' },
    'cms-port': { type: 'string', default: '8081' },
    'out-dir': { type: 'string', default: 'dist' },
    workflow: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(`Usage: npm start -- [--port 4321] [--cms-port 8081] [--workflow] [--no-build] [--out-dir dist]
  --workflow   decap-server in git mode: editorial workflow (draft, in review, ready, published) as git branches
  --no-build   serve the existing build instead of building first`);
  process.exit(0);
}
const settings = settingsOrExit();
/** A folder as the user knows it: relative to the project when inside it, else absolute. */
const shown = (dir) => (dir.startsWith(ROOT + path.sep) ? path.relative(ROOT, dir) : dir);
const outDir = path.resolve(ROOT, values['out-dir']);
const port = Number(values.port);
const cmsPort = Number(values['cms-port']);

try {
  // Everything that would stop the servers is checked before the (long) build.
  await assertPortFree(port, 'the site server');
  if (settings.admin) {
    await assertPortFree(cmsPort, 'decap-server');
    assertCmsBackendReady(settings.contentDir, values.workflow ? 'git' : 'fs');
  }
  if (!values['no-build']) {
    console.log(`Building the site for the "${settings.audience}" audience from ${shown(settings.contentDir)}…`);
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
