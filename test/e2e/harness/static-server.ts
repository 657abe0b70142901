import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { rendererCsp } from '../../../shared/csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built renderer on loopback with the app's CSP. The one difference from the app: connect-src admits
 * the test bridge's WebSocket (in the app, calls go through IPC and connect-src stays 'none').
 */
export async function startStaticServer(rendererDir: string, bridgeUrl: string) {
  const csp = rendererCsp({ 'connect-src': bridgeUrl });
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(rendererDir, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(rendererDir + sep)) {
      res.writeHead(404).end();
      return;
    }
    try {
      let body: Buffer | string = await readFile(file);
      if (extname(file) === '.html') {
        body = body.toString('utf8').replace(/connect-src 'none'/, `connect-src ${bridgeUrl}`);
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': csp,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
