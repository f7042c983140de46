// Test-side webhook receiver and an HMAC-SHA256 written from RFC 2104, independent of the sender's createHmac.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';

/** HMAC-SHA256 (RFC 2104) built only on SHA-256, so it cannot share a bug with node's createHmac path. */
export function independentHmacSha256Hex(key: string, message: string): string {
  let k = Buffer.from(key, 'utf8');
  if (k.length > 64) k = createHash('sha256').update(k).digest();
  const block = Buffer.alloc(64);
  k.copy(block);
  const ipad = Buffer.alloc(64);
  const opad = Buffer.alloc(64);
  for (let i = 0; i < 64; i += 1) {
    ipad[i] = (block[i] ?? 0) ^ 0x36;
    opad[i] = (block[i] ?? 0) ^ 0x5c;
  }
  const inner = createHash('sha256').update(ipad).update(Buffer.from(message, 'utf8')).digest();
  return createHash('sha256').update(opad).update(inner).digest('hex');
}

/** Verifies a delivery body the way lever-api.md §12.3 documents: HMAC(signatureToken, token + triggeredAt). */
export function verifies(body: { token: string; triggeredAt: number; signature: string }, signatureToken: string): boolean {
  return independentHmacSha256Hex(signatureToken, `${body.token}${body.triggeredAt}`) === body.signature;
}

export interface Receiver {
  url: string;
  bodies: any[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- received JSON
  contentTypes: (string | undefined)[];
  waitFor(n: number): Promise<void>;
  close(): Promise<void>;
}

/** A receiver on 127.0.0.1 answering the scripted statuses in turn (then 200); `waitFor(n)` resolves after n posts. */
export async function startReceiver(statuses: number[] = []): Promise<Receiver> {
  const bodies: unknown[] = [];
  const contentTypes: (string | undefined)[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      contentTypes.push(req.headers['content-type']);
      res.writeHead(statuses.shift() ?? 200).end();
      for (const w of waiters.filter((x) => bodies.length >= x.n)) w.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/webhooks/lever/s3cret`,
    bodies: bodies as never[],
    contentTypes,
    waitFor: (n) => (bodies.length >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve }))),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
