import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** A plain Node request handler, as produced by `createSandboxApp().handler`. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** A running listener: its base URL (`http://127.0.0.1:<port>`) and an idempotent close. */
export interface Listening {
  readonly url: string;
  readonly port: number;
  /** Stops listening and destroys every open socket (keep-alive ones too) so tests never hang. */
  close(): Promise<void>;
}

/** Options for {@link listen}. */
export interface ListenOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
}

/** Starts an HTTP server on 127.0.0.1 only (never another interface) and resolves once it listens. */
export async function listen(handler: NodeHandler, options: ListenOptions = {}): Promise<Listening> {
  const sockets = new Set<Socket>();
  const server = createServer(handler);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('sandbox server has no TCP address');
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
