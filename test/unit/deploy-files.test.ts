// deploy/: the systemd unit runs `reqbridge serve` hardened, with a state directory and the secrets file as a
// credential; the Dockerfile runs it on Node 24 as a non-root user with a data volume and a listener healthcheck.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(`${root}${path}`, 'utf8');

describe('deploy files', () => {
  it('the systemd unit is hardened and runs serve with its state directory and secrets file', () => {
    const unit = read('deploy/reqbridge.service');
    for (const line of [
      'DynamicUser=yes',
      'StateDirectory=reqbridge',
      'ProtectSystem=strict',
      'ProtectHome=yes',
      'NoNewPrivileges=yes',
      'PrivateTmp=yes',
      'UMask=0077',
      'KillSignal=SIGTERM',
      'Environment=REQBRIDGE_HOME=%S/reqbridge',
      'Environment=REQBRIDGE_SECRETS_FILE=%d/secrets.json',
    ]) {
      expect(unit.split('\n'), line).toContain(line);
    }
    expect(unit).toMatch(/^ExecStart=\S+node \S+bin\/reqbridge\.js serve$/m);
  });

  it('the Dockerfile uses Node 24, a non-root user, a data volume and a healthcheck against the listener', () => {
    const docker = read('deploy/Dockerfile');
    expect(docker.match(/^FROM node:24\S*/gm)?.length).toBe(2);
    expect(docker).toMatch(/^USER node$/m);
    expect(docker).toMatch(/^VOLUME \["\/data"\]$/m);
    expect(docker).toMatch(/^ENV .*REQBRIDGE_HOME=\/data/m);
    expect(docker).toMatch(/^HEALTHCHECK [\s\S]*127\.0\.0\.1/m);
    expect(docker).toMatch(/^CMD \["node", "bin\/reqbridge\.js", "serve"\]$/m);
    expect(docker).toContain('npm ci --omit=dev');
  });
});
