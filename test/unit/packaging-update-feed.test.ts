// The update feed the packaging config writes into the app is named from the environment, never guessed from
// the clone's git remote: a clone whose origin is not a GitHub address (a CI checkout, a mirror) must still pack.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const configPath = fileURLToPath(new URL('../../electron-builder.cjs', import.meta.url));
const require = createRequire(import.meta.url);
const saved = { url: process.env.REQBRIDGE_UPDATE_URL, repo: process.env.GITHUB_REPOSITORY };

/** The config's `publish` as electron-builder reads it under the given environment. */
function publishWith(env: { REQBRIDGE_UPDATE_URL?: string; GITHUB_REPOSITORY?: string }): unknown {
  for (const key of ['REQBRIDGE_UPDATE_URL', 'GITHUB_REPOSITORY'] as const) {
    if (env[key] === undefined) delete process.env[key];
    else process.env[key] = env[key];
  }
  delete require.cache[configPath];
  return (require(configPath) as { publish: unknown }).publish;
}

afterEach(() => {
  publishWith({ REQBRIDGE_UPDATE_URL: saved.url, GITHUB_REPOSITORY: saved.repo });
});

describe('electron-builder.cjs publish', () => {
  it('is a generic HTTPS feed when REQBRIDGE_UPDATE_URL names one', () => {
    expect(publishWith({ REQBRIDGE_UPDATE_URL: ' https://updates.example.com/reqbridge ', GITHUB_REPOSITORY: 'acme/reqbridge' })).toEqual([
      { provider: 'generic', url: 'https://updates.example.com/reqbridge' },
    ]);
  });

  it('is the GitHub Releases of GITHUB_REPOSITORY, with owner and repo spelled out', () => {
    expect(publishWith({ GITHUB_REPOSITORY: 'acme/reqbridge' })).toEqual([
      { provider: 'github', owner: 'acme', repo: 'reqbridge', releaseType: 'draft' },
    ]);
  });

  it('is null (no feed, nothing guessed) for a local pack', () => {
    expect(publishWith({})).toBeNull();
    expect(publishWith({ GITHUB_REPOSITORY: 'not-a-repo' })).toBeNull();
  });
});
