import { WebSocketServer, type WebSocket } from 'ws';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { AppServices } from '../../../main/app-services';

/**
 * Test-only: carries the page's calls to the real main-process services over a loopback WebSocket, the way
 * Electron's IPC does in the app. Every call goes through the same `dispatch` (channel check, schema validation,
 * typed errors); the random token stands in for Electron's sender check.
 */
export interface BridgeServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

export async function startBridgeServer(
  services: AppServices,
  /** A restarted service process takes the address and token of the one it replaces, so the page can reconnect. */
  at: { port?: number; token?: string } = {},
): Promise<BridgeServer> {
  const token = at.token ?? randomBytes(24).toString('base64url');
  const wss = new WebSocketServer({ host: '127.0.0.1', port: at.port ?? 0, maxPayload: 64 * 1024 * 1024 });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', () => resolve());
    wss.once('error', reject);
  });

  wss.on('connection', (socket: WebSocket, request) => {
    const given = new URL(request.url ?? '/', 'ws://bridge').searchParams.get('token') ?? '';
    if (!sameSecret(given, token)) {
      socket.close(4401, 'bad token');
      return;
    }
    const unsubscribe = services.events.subscribe((event, payload) => {
      socket.send(JSON.stringify({ type: 'event', event, payload }));
    });
    socket.on('close', unsubscribe);
    socket.on('message', async (data) => {
      let message: { id?: unknown; channel?: unknown; payload?: unknown };
      try {
        message = JSON.parse(String(data)) as typeof message;
      } catch {
        return;
      }
      const result = await services.dispatch(message.channel, message.payload);
      socket.send(JSON.stringify({ type: 'result', id: message.id, result }));
    });
  });

  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
