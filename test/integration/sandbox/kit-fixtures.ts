// A tiny app built on the sandbox kit, used by the kit-*.test.ts files.
import { createSandboxApp, httpError, json, listen, noContent, route, shiftPageStart } from '../../../src/main/sandbox/http/index.ts';
import type { Listening, SandboxAppOptions, SandboxApp } from '../../../src/main/sandbox/http/index.ts';

export interface TinyServer extends Listening {
  app: SandboxApp;
  items: string[];
}

/** Items list (page size 2, `?page=n`, honours page faults), item create, echo with params, auth by `x-key`. */
export async function startTiny(options: Partial<SandboxAppOptions> = {}): Promise<TinyServer> {
  const items: string[] = ['a', 'b', 'c', 'd', 'e', 'f'];
  const app = createSandboxApp({
    routes: [
      route('GET', '/api/items', (req) => {
        const page = Number(req.query.get('page') ?? '0');
        const start = shiftPageStart(page * 2, 2, req.pageFault);
        return json({ data: items.slice(start, start + 2) });
      }),
      route('POST', '/api/items', (req) => {
        const name = (req.body as { name?: unknown } | undefined)?.name;
        if (typeof name !== 'string') throw httpError(400, 'name is required', 'BadRequestError');
        items.push(name);
        return json({ data: { name } }, 201);
      }),
      route('GET', '/api/echo/:a/:b', (req) => json({ params: req.params, tags: req.query.getAll('tag'), identity: req.identity })),
      route('DELETE', '/api/items/:name', () => noContent()),
    ],
    authenticate: ({ headers }) => {
      const key = headers['x-key'];
      if (key !== 'secret-1' && key !== 'secret-2') throw httpError(401, 'bad key', 'UnauthorizedError');
      return key === 'secret-1' ? 'key-1' : 'key-2';
    },
    controlToken: 'ctl-token',
    control: {
      state: () => ({ items }),
      seed: (s) => {
        items.splice(0, items.length, ...(s as { items: string[] }).items);
      },
    },
    ...options,
  });
  const listening = await listen(app.handler);
  return { ...listening, app, items };
}

/** Parses a response body as JSON, typed loosely for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
export async function readJson(res: Response): Promise<any> {
  return res.json();
}

/** Headers for an authenticated call. */
export const AUTH = { 'x-key': 'secret-1' };
