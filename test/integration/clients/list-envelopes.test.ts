// A list body that does not match the envelope is never silently treated as empty: through both real
// clients, over real HTTP from a stub server on 127.0.0.1, a `{"data":{}}` body or an item with a
// wrongly typed field stops the listing with an `unexpected_response` failure naming the endpoint
// and the field path.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpFailure } from '../../../src/main/core/http/errors.ts';
import { collect } from '../../../src/main/core/http/paginate.ts';
import { charthopClient, clientKit, leverClient } from './support.ts';

interface Stub {
  url: string;
  paths: string[];
}

const servers: Server[] = [];
const timers: NodeJS.Timeout[] = [];
afterEach(async () => {
  for (const t of timers.splice(0)) clearTimeout(t);
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections();
          s.close(() => resolve());
        }),
    ),
  );
});

/** A stub answering every request with `body` (200, JSON); it stops itself after 5 s at the latest. */
async function stub(body: unknown): Promise<Stub> {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    paths.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const timer = setTimeout(() => server.close(), 5000);
  timer.unref();
  timers.push(timer);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    paths,
  };
}

async function failureOf(listing: Promise<unknown>): Promise<HttpFailure> {
  try {
    const value = await listing;
    throw new Error(`expected the listing to fail, it returned ${JSON.stringify(value)}`);
  } catch (error) {
    expect(error).toBeInstanceOf(HttpFailure);
    return error as HttpFailure;
  }
}

const goodRequisition = { id: 'r1', requisitionCode: 'ENG-1', name: 'Engineer', status: 'open', headcountTotal: 1, createdAt: 1 };

describe('Lever list envelopes', () => {
  it('`{"data":{}}` on GET /requisitions is an unexpected_response naming `data`, not an empty list', async () => {
    const server = await stub({ data: {} });
    const client = leverClient(clientKit(), `${server.url}/v1`, 'lever-key-list-1');
    const failure = await failureOf(collect(client.requisitions.list()));
    expect(failure).toMatchObject({
      vendor: 'lever',
      kind: 'unexpected_response',
      endpoint: 'GET /requisitions',
      status: 200,
      code: 'lever.unexpected_response',
    });
    expect(failure.message).toContain('GET /requisitions');
    expect(failure.message).toMatch(/field data — expected array/);
    expect(server.paths.length).toBeGreaterThanOrEqual(1);
    expect(server.paths[0]).toMatch(/^\/v1\/requisitions\?/);
  });

  it('an item with `requisitionCode: 7` names `data[1].requisitionCode`', async () => {
    const server = await stub({ data: [goodRequisition, { ...goodRequisition, id: 'r2', requisitionCode: 7 }], hasNext: false });
    const client = leverClient(clientKit(), `${server.url}/v1`, 'lever-key-list-2');
    const failure = await failureOf(collect(client.requisitions.list()));
    expect(failure).toMatchObject({ vendor: 'lever', kind: 'unexpected_response', endpoint: 'GET /requisitions' });
    expect(failure.message).toContain('field data[1].requisitionCode — expected string, received number');
  });

  it('a body without `data` at all fails too', async () => {
    const server = await stub({ hasNext: false });
    const client = leverClient(clientKit(), `${server.url}/v1`, 'lever-key-list-3');
    const failure = await failureOf(collect(client.requisitions.list()));
    expect(failure.kind).toBe('unexpected_response');
    expect(failure.message).toMatch(/field data — expected array/);
  });
});

describe('ChartHop list envelopes', () => {
  it('`{"data":{}}` on GET /v2/org/:org/job is an unexpected_response naming `data`, not an empty list', async () => {
    const server = await stub({ data: {} });
    const client = charthopClient(clientKit(), server.url, 'charthop-token-list-1', 'acme');
    const failure = await failureOf(collect(client.jobs.list()));
    expect(failure).toMatchObject({
      vendor: 'charthop',
      kind: 'unexpected_response',
      endpoint: 'GET /v2/org/:org/job',
      status: 200,
      code: 'charthop.unexpected_response',
    });
    expect(failure.message).toContain('GET /v2/org/:org/job');
    expect(failure.message).toMatch(/field data — expected array/);
    expect(server.paths[0]).toMatch(/^\/v2\/org\/acme\/job\?/);
  });

  it('a job with a wrongly typed field names its path', async () => {
    const server = await stub({
      data: [
        { id: 'j1', title: 'Engineer' },
        { id: 'j2', title: 7 },
      ],
    });
    const client = charthopClient(clientKit(), server.url, 'charthop-token-list-2', 'acme');
    const failure = await failureOf(collect(client.jobs.list()));
    expect(failure).toMatchObject({ vendor: 'charthop', kind: 'unexpected_response', endpoint: 'GET /v2/org/:org/job' });
    expect(failure.message).toContain('field data[1].title — expected string, received number');
  });

  it('the projected rows listing fails the same way', async () => {
    const server = await stub({ data: {} });
    const client = charthopClient(clientKit(), server.url, 'charthop-token-list-3', 'acme');
    const failure = await failureOf(collect(client.jobs.rows({ fields: ['title'] })));
    expect(failure).toMatchObject({ kind: 'unexpected_response', endpoint: 'GET /v2/org/:org/job' });
    expect(failure.message).toMatch(/field data — expected array/);
  });
});
