// Shared fixtures for the fake-Lever integration tests: keys, a tiny HTTP client, seed builders.
import { LEVER_ALL_READ, LEVER_INTEGRATION_WRITES } from '../../../src/main/sandbox/lever/index.ts';
import type { LeverSeed } from '../../../src/main/sandbox/lever/index.ts';

export const FULL_KEY = {
  id: 'key-full',
  secret: 'lever-full-secret-0001',
  name: 'ChartHop',
  permissions: [...LEVER_ALL_READ, ...LEVER_INTEGRATION_WRITES, 'Manage webhooks' as const],
  confidentialAccess: true,
};
export const READ_KEY = { id: 'key-read', secret: 'lever-read-secret-0002', name: 'Read only', permissions: [...LEVER_ALL_READ] };

export const USERS = [
  { id: 'u-grace', name: 'Grace Manager', email: 'grace@example.com' },
  { id: 'u-rick', name: 'Rick Recruiter', email: 'Rick.Recruiter@example.com' },
];

/** Basic auth header with the key as username and an empty password. */
export function basic(secret: string): string {
  return `Basic ${Buffer.from(`${secret}:`).toString('base64')}`;
}

export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  headers: Headers;
}

/** A minimal fetch-based client: relative paths against the fake's base URL (which includes /v1). */
export function client(baseUrl: string, secret?: string) {
  const call = async (method: string, path: string, body?: unknown): Promise<Reply> => {
    const headers: Record<string, string> = {};
    if (secret !== undefined) headers['authorization'] = basic(secret);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${baseUrl}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    return { status: res.status, body: text === '' ? undefined : JSON.parse(text), headers: res.headers };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body ?? {}),
    put: (path: string, body?: unknown) => call('PUT', path, body ?? {}),
    del: (path: string) => call('DELETE', path),
  };
}

/** Parses a response body as JSON, typed loosely for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
export async function readJson(res: Response): Promise<any> {
  return res.json();
}

/** A seed with both keys, two users and `n` requisitions created one second apart. */
export function seedWithRequisitions(n: number, start = 1_780_000_000_000): LeverSeed {
  return {
    keys: [FULL_KEY, READ_KEY],
    users: USERS,
    requisitions: Array.from({ length: n }, (_, i) => ({
      id: `req-${String(i).padStart(5, '0')}`,
      requisitionCode: `ENG-${String(i).padStart(5, '0')}`,
      name: `Engineer ${i}`,
      headcountTotal: 1,
      status: i % 3 === 0 ? ('onHold' as const) : ('open' as const),
      confidentiality: i % 10 === 9 ? ('confidential' as const) : ('non-confidential' as const),
      createdAt: start + i * 1000,
    })),
  };
}
