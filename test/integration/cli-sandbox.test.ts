import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/reqbridge.js', import.meta.url));

describe('reqbridge sandbox (real CLI process)', () => {
  it('prints one JSON object with working URLs and credentials, and stops cleanly on SIGINT', async () => {
    const child = spawn(process.execPath, [bin, 'sandbox', '--jobs=5', '--opportunities=20'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const line = await new Promise<string>((resolve, reject) => {
      let buffer = '';
      const timer = setTimeout(() => reject(new Error('no output within 20 s')), 20_000);
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        buffer += chunk;
        if (buffer.includes('\n')) {
          clearTimeout(timer);
          resolve(buffer.slice(0, buffer.indexOf('\n')));
        }
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    const summary = JSON.parse(line) as {
      lever: { url: string };
      charthop: { url: string; org: string };
      credentials: { leverKeys: { full: string }; charthopToken: string };
    };
    const lever = await fetch(`${summary.lever.url}/requisitions?limit=1`, {
      headers: { authorization: `Basic ${Buffer.from(`${summary.credentials.leverKeys.full}:`).toString('base64')}` },
    });
    expect(lever.status).toBe(200);
    const charthop = await fetch(`${summary.charthop.url}/v2/org/${summary.charthop.org}/job?limit=1`, {
      headers: { authorization: `Bearer ${summary.credentials.charthopToken}` },
    });
    expect(charthop.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
