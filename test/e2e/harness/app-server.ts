import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createAppProtocolHandler } from '../../../electron/main/app-protocol';
import { APP_ORIGIN } from '../../../electron/main/origin';

export const RENDERER_ROOT = path.resolve(import.meta.dirname, '..', '..', '..', '.vite', 'renderer', 'main_window');

export interface AppServer {
  origin: string;
  close: () => Promise<void>;
}

/**
 * Serves the built renderer on 127.0.0.1 through the app's own `app://` handler, so every
 * response carries the production CSP and the same path resolver runs.
 */
export async function startAppServer(root = RENDERER_ROOT): Promise<AppServer> {
  const handler = createAppProtocolHandler({ root, readFile: (file) => readFile(file) });
  const server = http.createServer((req, res) => {
    const response = handler(new Request(`${APP_ORIGIN}${req.url ?? '/'}`, { method: req.method ?? 'GET' }));
    void response.then(async (r) => {
      res.writeHead(r.status, Object.fromEntries(r.headers.entries()));
      res.end(Buffer.from(await r.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
