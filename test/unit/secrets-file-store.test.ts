// The secrets file of `reqbridge serve`: keys matched by profile id or name, writes kept private, and every
// refusal one sentence that never repeats the file's content.
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSecretsFileStore, readSecretsFile } from '../../src/main/core/secrets/secrets-file-store.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const temp = makeTempDir();
afterAll(() => temp.cleanup());

function file(name: string, content: string, mode = 0o600): string {
  const path = join(temp.path, name);
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
}

describe('the secrets file', () => {
  it('finds a profile under its name (any case) or id, and writes back at 0600', async () => {
    const path = file('ok.json', JSON.stringify({ ACME: { leverApiKey: 'lever-secret-1' } }));
    const store = createSecretsFileStore(path, (id) => (id === 'acme' ? ['acme', 'Acme'] : [id]), 'linux');
    expect(await store.get('acme', 'leverApiKey')).toBe('lever-secret-1');
    expect(await store.get('other', 'leverApiKey')).toBeNull();
    await store.set('acme', 'leverWebhookSignatureToken', 'sig-1');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      ACME: { leverApiKey: 'lever-secret-1', leverWebhookSignatureToken: 'sig-1' },
    });
    expect(await store.delete('acme', 'leverApiKey')).toBe(true);
    expect(await store.delete('acme', 'leverApiKey')).toBe(false);
  });

  it('is refused while group- or world-readable, missing, or not the expected JSON', () => {
    for (const mode of [0o640, 0o604]) {
      const path = file(`open-${mode.toString(8)}.json`, '{}', mode);
      expect(() => readSecretsFile(path, 'linux')).toThrow(`run chmod 600 ${path} and start again.`);
    }
    expect(() => readSecretsFile(join(temp.path, 'nowhere.json'), 'linux')).toThrow('cannot be read');
    const broken = file('broken.json', '{"acme": {"leverApiKey": "lever-secret-2"');
    expect(() => readSecretsFile(broken, 'linux')).toThrow(/not valid JSON/);
    expect(() => readSecretsFile(broken, 'linux')).not.toThrow(/lever-secret-2/);
    expect(() => readSecretsFile(file('unknown.json', '{"acme": {"password": "x"}}'), 'linux')).toThrow('unknown secret "password"');
  });
});
