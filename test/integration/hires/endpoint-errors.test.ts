// Why a webhook listener could not open, as the consultant reads it: a port the system does not
// permit gets its own sentence and what to do; any other failure is passed on as it is, never
// dressed up as a port problem.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/main/core/errors.ts';
import { openEndpoint } from '../../../src/main/core/hires/endpoint.ts';
import { createLogger } from '../../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../../src/main/core/logging/redactor.ts';

const webhook = { tunnel: 'none' as const, localtunnelHost: '', localtunnelSubdomain: '', publicUrl: '', listenPort: 0 };
const isRoot = process.getuid?.() === 0;
const DROP_BIND_PRIVILEGE = ['--bounding-set', '-net_bind_service', '--inh-caps', '-net_bind_service'];

/** Why port 80 cannot be refused here, or null. */
function lowPortSkipReason(): string | null {
  if (process.platform !== 'linux') return 'SKIPPED: the low-port check is made on Linux only.';
  const start = Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8').trim());
  if (start <= 80) return `SKIPPED: this system lets any process bind port 80 (net.ipv4.ip_unprivileged_port_start = ${start}).`;
  if (isRoot && spawnSync('setpriv', ['--version']).status !== 0)
    return 'SKIPPED: running as root without setpriv (util-linux), so no child can be denied port 80.';
  return null;
}
const lowPortSkip = lowPortSkipReason();
if (lowPortSkip) console.warn(lowPortSkip);

const src = (path: string): string => JSON.stringify(fileURLToPath(new URL(`../../../src/main/core/${path}`, import.meta.url)));

describe('a webhook listener that cannot open', () => {
  it.skipIf(lowPortSkip !== null)('on a port the system does not permit says so and what to do', () => {
    // Port 80 needs privileges: the listener is opened by an unprivileged process (this one when it is not root).
    const script = `
      import { openEndpoint } from ${src('hires/endpoint.ts')};
      import { createLogger } from ${src('logging/logger.ts')};
      import { createRedactor } from ${src('logging/redactor.ts')};
      const logger = createLogger({ redactor: createRedactor(), sink: () => undefined });
      const webhook = ${JSON.stringify({ ...webhook, listenPort: 80 })};
      openEndpoint({ webhook, secret: () => 's', handle: async () => ({ status: 200 }), logger, redact: (t) => t,
        ngrokAuthtoken: async () => null, onChange: () => undefined })
        .then((e) => e.close().then(() => process.stdout.write('opened')),
          (e) => process.stdout.write(JSON.stringify({ code: e.code, message: e.message, cause: e.cause?.code })));`;
    // As root, the child keeps this user (so it reads the checkout wherever it is) but loses the right to bind low ports.
    const command = isRoot ? ['setpriv', ...DROP_BIND_PRIVILEGE, process.execPath] : [process.execPath];
    const run = spawnSync(command[0]!, [...command.slice(1), '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(run.stdout)).toEqual({
      code: 'webhook.port_unavailable',
      message:
        'The webhook listener cannot use port 80 on 127.0.0.1 (not permitted). Choose another port, or 0 for any free port, in Setup → New-hire data flow.',
      cause: 'EACCES',
    });
  });

  it('for any other reason passes the error on unchanged', async () => {
    const logger = createLogger({ redactor: createRedactor(), sink: () => undefined });
    const error = await openEndpoint({
      webhook: { ...webhook, listenPort: 70_000 },
      secret: () => 's',
      handle: async () => ({ status: 200 }),
      logger,
      redact: (t) => t,
      ngrokAuthtoken: async () => null,
      onChange: () => undefined,
    }).then(
      () => null,
      (e: unknown) => e as NodeJS.ErrnoException,
    );
    expect(isAppError(error)).toBe(false);
    expect(error?.code).toBe('ERR_SOCKET_BAD_PORT');
  });
});
