import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { handleAppProtocol } from '../../../src/main/electron/app-protocol.ts';
import { RENDERER_CSP } from '../../../src/shared/security/csp.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

vi.mock('electron', () => ({}));

const temp = makeTempDir();
afterAll(() => temp.cleanup());

describe('app:// protocol', () => {
  const renderer = join(temp.path, 'renderer');
  mkdirSync(renderer, { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>ReqBridge</title>');
  writeFileSync(join(temp.path, 'outside.txt'), 'not for the renderer');
  let handler: ((request: Request) => Promise<Response>) | null = null;
  handleAppProtocol({ handle: (_scheme: string, h: (request: Request) => Promise<Response>) => void (handler = h) } as never, renderer);

  it('serves the renderer with the strict CSP and nosniff on every file', async () => {
    const response = await handler!(new Request('app://reqbridge/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(RENDERER_CSP).toMatch(/default-src 'self'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>ReqBridge</title>');
  });

  it('never serves a file outside the renderer folder', async () => {
    const response = await handler!(new Request('app://reqbridge/%2e%2e/outside.txt'));
    expect(await response.text()).not.toContain('not for the renderer');
  });
});
