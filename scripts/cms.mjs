// npm run cms: astro dev (live reload) + decap-server, for editing notices in the CMS at
// http://127.0.0.1:4321/admin/ and seeing each save on the site at once. Ctrl-C stops both.
import { settingsOrExit } from '../src/build/settings-or-exit.ts';
import { parseArgsOrExit, portOrExit } from './lib/args.mjs';
import { HOST, runUntilStopped, startDecapServer, startSite, stop } from './lib/servers.mjs';

const { values } = parseArgsOrExit({
  options: {
    port: { type: 'string', default: '4321' },
    'cms-port': { type: 'string', default: '8081' },
    workflow: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('Usage: npm run cms -- [--port 4321] [--cms-port 8081] [--workflow]');
  process.exit(0);
}
const settings = settingsOrExit();
if (!settings.admin) {
  console.error('MODUS_ADMIN=off: the CMS is switched off for this checkout. Unset it to edit notices.');
  process.exit(1);
}
const port = portOrExit(values.port, '--port');
const cmsPort = portOrExit(values['cms-port'], '--cms-port');
const servers = [];
try {
  servers.push(await startDecapServer({ port: cmsPort, contentDir: settings.contentDir, mode: values.workflow ? 'git' : 'fs' }));
  // astro dev's own output is shown: a content problem in a saved notice is reported there, as it is saved.
  servers.push(await startSite({ port, cmsPort, dev: true, inherit: true, base: settings.base }));
} catch (err) {
  await Promise.all(servers.map((s) => stop(s.child)));
  console.error(err.message);
  process.exit(1);
}
// Under the path of MODUS_SITE_URL (the site's base), as the build will be served.
const site = `http://${HOST}:${port}${settings.base.slice(0, -1)}`;
console.log(`\nEditing with live reload.\n  Editor:  ${site}/admin/\n  Site:    ${site}/\nPress Ctrl-C to stop.`);
process.exit(await runUntilStopped(servers));
