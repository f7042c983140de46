// Which runs an undo may take back, and the sentence a consultant reads when it may not: an undo run,
// a run already undone, a run still going, and the runs that wrote no requisitions are refused, each
// saying why and what to do; a run that is not there is named. And where the undo's hire rows send
// the consultant: the ChartHop app for the real service, the API record for any other address.
import { afterEach, describe, expect, it } from 'vitest';
import { openStateDb, stateDbPath } from '../../../../src/main/core/state/state-db.ts';
import type { StateDb } from '../../../../src/main/core/state/state-db.ts';
import { createRunLog } from '../../../../src/main/core/sync/run-log.ts';
import { personUrl, undoRefusal, undoableRun } from '../../../../src/main/core/sync/undo/undo-plan.ts';
import type { ProfileSettings } from '../../../../src/shared/settings/schema.ts';
import { profileObjectSchema } from '../../../../src/shared/settings/schema.ts';
import { makeTempDir } from '../../../support/temp-dir.ts';
import { runSummary } from './undo-support.ts';

describe('which runs can be undone', () => {
  it('lets a finished requisition sync be undone, whichever way it went and however it ended', () => {
    for (const direction of ['outbound', 'inbound', 'reconcile'] as const)
      for (const status of ['succeeded', 'partial', 'failed', 'cancelled'] as const)
        expect(undoRefusal(runSummary({ direction, status })), `${direction} ${status}`).toBeNull();
  });

  it('refuses an undo run, a run already undone and a run still going, saying what to do instead', () => {
    expect(undoRefusal(runSummary({ kind: 'undo', undoes: 11 }))).toBe(
      'Run #12 is itself an undo, and an undo cannot be undone. Run Sync now or Reconcile to bring the records back in line.',
    );
    expect(undoRefusal(runSummary({ undoneBy: 14 }))).toBe(
      'Run #12 was already undone by run #14; a run can be undone once. Open run #14 to see what it took back.',
    );
    expect(undoRefusal(runSummary({ status: 'running' }))).toBe('Run #12 is still running. Undo it when it has finished.');
  });

  it('refuses the candidate metrics and the hires catch-up, which wrote no requisitions, naming what each did', () => {
    expect(undoRefusal(runSummary({ direction: 'metrics' }))).toBe(
      'Run #12 pulled candidate metrics and wrote no requisitions, so there is nothing to undo. Only requisition syncs can be undone.',
    );
    expect(undoRefusal(runSummary({ direction: 'hires' }))).toBe(
      'Run #12 caught up new hires and wrote no requisitions, so there is nothing to undo. Only requisition syncs can be undone.',
    );
  });
});

describe('the run an undo is asked for, from the run log', () => {
  let state: StateDb | undefined;
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    state?.close();
    cleanup?.();
    state = undefined;
    cleanup = undefined;
  });

  function runLog() {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    state = openStateDb(stateDbPath(temp.path, 'acme'));
    return createRunLog(state, 'acme', (text) => text);
  }

  /** The code and message of the error `call` throws. */
  function thrown(call: () => unknown): { code: unknown; message: string } {
    try {
      call();
    } catch (error) {
      return { code: (error as { code?: unknown }).code, message: (error as Error).message };
    }
    throw new Error('nothing was thrown');
  }

  it('hands back a finished sync run', () => {
    const log = runLog();
    const id = log.start('manual', 'outbound', new Date(Date.UTC(2026, 0, 5, 9)));
    log.finish(id, { status: 'succeeded', at: new Date(Date.UTC(2026, 0, 5, 9, 1)), error: null });
    expect(undoableRun(log, id)).toMatchObject({ id, direction: 'outbound', status: 'succeeded' });
  });

  it('names a run that is not in this profile’s log and says where to pick one', () => {
    const log = runLog();
    expect(thrown(() => undoableRun(log, 41))).toEqual({
      code: 'runs.not_found',
      message: 'There is no run #41 for this profile. Pick one from the Runs list.',
    });
  });

  it('refuses a run that cannot be undone with its sentence', () => {
    const log = runLog();
    const id = log.start('manual', 'outbound', new Date(Date.UTC(2026, 0, 5, 9)));
    expect(thrown(() => undoableRun(log, id))).toEqual({
      code: 'undo.refused',
      message: `Run #${id} is still running. Undo it when it has finished.`,
    });
  });
});

describe('where a hire row of an undo links to', () => {
  const profile = (baseUrl: string, org: string): ProfileSettings => ({
    ...profileObjectSchema.parse({ id: 'acme', name: 'Acme' }),
    charthop: { baseUrl, org },
  });

  it('opens the person in the ChartHop app when the profile uses the real service, with or without trailing slashes', () => {
    for (const baseUrl of ['https://api.charthop.com', 'https://api.charthop.com/', 'https://api.charthop.com//'])
      expect(personUrl(profile(baseUrl, 'acme co'), 'p 1/2'), baseUrl).toBe('https://app.charthop.com/acme%20co/person/p%201%2F2');
  });

  it('opens the API record of the person at any other address (a sandbox, a proxy)', () => {
    expect(personUrl(profile('http://127.0.0.1:4010', 'acme'), 'person-1')).toBe('http://127.0.0.1:4010/v2/org/acme/person/person-1');
    expect(personUrl(profile('http://127.0.0.1:4010//', 'acme'), 'person-1')).toBe('http://127.0.0.1:4010/v2/org/acme/person/person-1');
  });

  it('uses the placeholder org "org" while the profile has no org yet', () => {
    expect(personUrl(profile('https://api.charthop.com', ''), 'person-1')).toBe('https://app.charthop.com/org/person/person-1');
    expect(personUrl(profile('http://127.0.0.1:4010', ''), 'person-1')).toBe('http://127.0.0.1:4010/v2/org/org/person/person-1');
  });
});
