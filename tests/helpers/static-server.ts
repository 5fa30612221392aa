/**
 * A small static server for tests that must stop and restart the site on the same address (the offline
 * copy: a stopped server is a network that is down) or serve another build there. Serves a built dist/
 * as a static host does: `index.html` for a folder's address, `404.html` with status 404 otherwise, a
 * Content-Type by extension. No compression, no cache headers.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { freePort } from './site.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
};

/** A server on one loopback port: its address (no trailing slash), started on a folder or stopped at will. */
export interface StaticServer {
  url: string;
  /** Serves `root` (stopping first if it was running). */
  start(root: string): Promise<void>;
  /** Stops answering: the port refuses connections, open ones are closed. */
  stop(): Promise<void>;
}

/** Starts serving `root` on a free port of 127.0.0.1. */
export async function staticServer(root: string): Promise<StaticServer> {
  const port = await freePort();
  let server: http.Server | undefined;
  const self: StaticServer = {
    url: `http://127.0.0.1:${port}`,
    async start(dir: string) {
      await self.stop();
      const s = http.createServer((req, res) => {
        const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        let file = path.join(dir, pathname);
        if (!file.startsWith(dir)) file = path.join(dir, '404.html');
        if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) file = path.join(file, 'index.html');
        const found = fs.statSync(file, { throwIfNoEntry: false })?.isFile();
        const served = found ? file : path.join(dir, '404.html');
        res.writeHead(found ? 200 : 404, { 'Content-Type': TYPES[path.extname(served)] ?? 'application/octet-stream' });
        res.end(fs.readFileSync(served));
      });
      await new Promise<void>((resolve) => s.listen(port, '127.0.0.1', resolve));
      server = s;
    },
    async stop() {
      const s = server;
      server = undefined;
      if (!s) return;
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
  await self.start(root);
  return self;
}
