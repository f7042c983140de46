/**
 * Canary: an error raised with a secret in its message (a keychain that quotes the key it could
 * not read, a vendor text echoing an Authorization header) reaches no envelope, event, log line,
 * run log row or export. Real core, real settings file, real SQLite.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDailyCommand } from '../../src/main/cli/commands/daily.ts';
import { createRunLog } from '../../src/main/core/sync/run-log.ts';
import { startCore } from '../../src/main/core/bootstrap.ts';
import { createInProcessClient } from '../../src/main/core/api/in-process-client.ts';
import type { LogRecord } from '../../src/main/core/logging/logger.ts';
import { createLogger } from '../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../src/main/core/logging/redactor.ts';
import { createConfBacking } from '../../src/main/core/settings/conf-backing.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { AppError } from '../../src/main/core/errors.ts';
import type { SecretStore } from '../../src/main/core/secrets/secret-store.ts';
import { createMemorySecretStore } from '../../src/main/core/secrets/secret-store.ts';
import type { RequestChannel } from '../../src/shared/api/contract.ts';
import { startTestCore } from '../support/test-core.ts';

const KEY = 'canary-msg-lever-key-Qw71';
// Never registered with the redactor: only the JSON-shaped header pattern can catch it.
const UNKNOWN_BEARER = 'canary-unknown-bearer-Lm58';
const NEEDLES = [KEY, UNKNOWN_BEARER];
const leaks = (text: string) => NEEDLES.filter((needle) => text.includes(needle));

/** A memory store that, once `failing`, throws errors quoting the secret and a raw header. */
function leakyStore(): SecretStore & { failing: boolean } {
  const inner = createMemorySecretStore();
  const fail = (): never => {
    throw new AppError(
      'secrets.keychain_failed',
      `The OS keychain could not decrypt "${KEY}" ({"Authorization":"Bearer ${UNKNOWN_BEARER}"}). Unlock the keychain and try again.`,
    );
  };
  const store = {
    kind: 'keychain' as const,
    failing: false,
    get: async (profileId: string, name: Parameters<SecretStore['get']>[1]) => (store.failing ? fail() : inner.get(profileId, name)),
    set: async (profileId: string, name: Parameters<SecretStore['set']>[1], value: string) =>
      store.failing ? fail() : inner.set(profileId, name, value),
    delete: inner.delete,
  };
  return store;
}

describe('an error whose message carries a secret', () => {
  it('is redacted in every envelope, event, log line, run log row and export', { timeout: 30_000 }, async () => {
    const store = leakyStore();
    const t = startTestCore({ secretStore: store });
    const events: string[] = [];
    t.core.events.onAny((event, payload) => events.push(`${event} ${JSON.stringify(payload)}`));
    const envelopes: string[] = [];
    const call = async (channel: RequestChannel, input: unknown) => {
      const envelope = await t.api.invoke(channel, input as never);
      envelopes.push(`${channel} ${JSON.stringify(envelope)}`);
      return envelope;
    };
    try {
      const created = (await call('profiles:create', { name: 'Canary Corp' })) as { ok: true; value: { id: string } };
      const profileId = created.value.id;
      await call('settings:update', { profileId, patch: { options: { runDaily: true }, charthop: { org: 'canary' } } });
      expect(await call('secrets:set', { profileId, name: 'leverApiKey', value: KEY })).toMatchObject({ ok: true });

      store.failing = true;
      const refused = await call('secrets:set', { profileId, name: 'charthopToken', value: 'charthop-tok-0001' });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'secrets.keychain_failed', message: expect.stringContaining('could not decrypt "[redacted]"') },
      });
      expect(await call('secrets:status', { profileId })).toMatchObject({ ok: true });
      expect(await call('sync:run', { profileId })).toMatchObject({ ok: false, error: { code: 'secrets.keychain_failed' } });
      await call('doctor:run', { profileId });

      // The daily run records the failure in the run log; the run is read, and exported both ways.
      const out = { line: () => undefined, error: () => undefined, json: () => undefined };
      expect(await runDailyCommand(t.core, { profileId, force: true, json: false }, out)).toBe(1);
      const runs = (await call('runs:list', { profileId })) as { ok: true; value: Array<{ id: number; error: string | null }> };
      expect(runs.value.some((run) => run.error?.includes('[redacted]'))).toBe(true);
      const files: string[] = [];
      for (const run of runs.value) {
        await call('runs:get', { profileId, runId: run.id });
        for (const format of ['csv', 'json'] as const) {
          const file = (await call('runs:export', { profileId, runId: run.id, format })) as { ok: true; value: { content: string } };
          files.push(file.value.content);
        }
      }

      expect(events.length).toBeGreaterThan(0);
      for (const text of [...envelopes, ...events, ...files]) expect(leaks(text), text.slice(0, 80)).toEqual([]);
      expect(t.logs.length).toBeGreaterThan(0);
      for (const record of t.logs) expect(leaks(record.message), record.message).toEqual([]);
      const state = join(t.dataDir, 'state');
      for (const name of readdirSync(state)) expect(leaks(readFileSync(join(state, name)).toString('latin1')), name).toEqual([]);
    } finally {
      t.dispose();
    }
  });

  it('is redacted by each choke point on its own: run log rows, exports and push events', async () => {
    const t = startTestCore();
    try {
      const profileId = ((await t.api.invoke('profiles:create', { name: 'Canary Corp' })) as { ok: true; value: { id: string } }).value.id;
      t.core.redactor.addSecret(KEY);
      const raw = `Lever answered 401 for key ${KEY} ({"Authorization":"Bearer ${UNKNOWN_BEARER}"})`;
      const item = {
        recordKey: 'job-1',
        title: raw,
        action: 'update' as const,
        outcome: 'failed' as const,
        reason: 'vendor_error',
        reasonText: raw,
        diff: [{ field: 'name', label: 'Title', before: raw, after: null }],
        error: raw,
        jobId: 'job-1',
        requisitionId: null,
        requisitionCode: null,
      };
      const state = t.core.service.deps.stateDbs.forProfile(profileId);

      // The run log as the core writes it: every row redacted on the way in.
      const log = createRunLog(state, profileId, t.core.redactor.redact);
      const runId = log.start('manual', 'outbound', new Date());
      log.addItem(runId, item);
      log.finish(runId, { status: 'failed', at: new Date(), error: raw });
      const detail = await t.api.invoke('runs:get', { profileId, runId });
      expect(leaks(JSON.stringify(detail))).toEqual([]);
      expect(JSON.stringify(detail)).toContain('for key [redacted]');

      // A row written raw (by a writer that forgot) is still redacted in the export file.
      const rawLog = createRunLog(state, profileId, (text) => text);
      const rawRun = rawLog.start('manual', 'outbound', new Date());
      rawLog.addItem(rawRun, item);
      rawLog.finish(rawRun, { status: 'failed', at: new Date(), error: raw });
      for (const format of ['csv', 'json'] as const) {
        const file = await t.api.invoke('runs:export', { profileId, runId: rawRun, format });
        expect(file).toMatchObject({ ok: true });
        expect(leaks(JSON.stringify(file)), format).toEqual([]);
      }

      // A push event carrying the text reaches its listeners (the renderer's transports) redacted.
      const seen: string[] = [];
      t.core.events.onAny((event, payload) => seen.push(JSON.stringify(payload)));
      t.core.events.emit('run:finished', { ...log.get(runId)!, error: raw });
      expect(seen).toHaveLength(1);
      expect(leaks(seen[0]!)).toEqual([]);
    } finally {
      t.dispose();
    }
  });

  it("is masked in a host's own log lines too: the host and its core share one redactor", async () => {
    const temp = makeTempDir();
    const records: LogRecord[] = [];
    const redactor = createRedactor();
    const hostLogger = createLogger({ redactor, sink: (record) => records.push(record) });
    const core = startCore({
      dataDir: temp.path,
      host: 'test',
      version: '0',
      settingsBacking: createConfBacking(temp.path),
      secretStore: createMemorySecretStore(),
      env: {},
      logSink: () => undefined,
      redactor,
    });
    try {
      expect(core.redactor).toBe(redactor);
      const api = createInProcessClient(core.service.dispatch, core.events);
      await api.invoke('secrets:set', { profileId: 'sandbox', name: 'leverApiKey', value: KEY });
      hostLogger.warn(`The keychain answered slowly for ${KEY}`);
      expect(records.map((r) => r.message)).toEqual(['The keychain answered slowly for [redacted]']);
    } finally {
      core.close();
      temp.cleanup();
    }
  });
});
