/**
 * Modus's service worker when the build's offline copy is turned off (MODUS_OFFLINE=off, docs/offline.md):
 * a device that kept a copy of an earlier build (a shared terminal) checks this file on its next visit, and
 * this worker deletes every cache of Modus and unregisters itself. It answers no request.
 */
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('modus-')) await caches.delete(name);
      await self.registration.unregister();
    })(),
  );
});
