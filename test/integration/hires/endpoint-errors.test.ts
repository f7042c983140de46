// Why a webhook listener could not open, as the consultant reads it: a port the system does not
// permit gets its own sentence and what to do; any other failure is passed on as it is, never
// dressed up as a port problem.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/main/core/errors.ts';
import { openEndpoint } from '../../../src/main/core/hires/endpoint.ts';
import { createLogger } from '../../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../../src/main/core/logging/redactor.ts';

const webhook = { tunnel: 'none' as const, localtunnelHost: '', localtunnelSubdomain: '', publicUrl: '', listenPort: 0 };
const src = (path: string): string => JSON.stringify(fileURLToPath(new URL(`../../../src/main/core/${path}`, import.meta.url)));

describe('a webhook listener that cannot open', () => {
  it('on a port the system does not permit says so and what to do', () => {
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
    const root = process.getuid?.() === 0;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      ...(root ? { uid: 65_534, gid: 65_534 } : {}),
    });
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
