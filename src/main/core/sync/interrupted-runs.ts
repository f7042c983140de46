/**
 * Start-up recovery of the run log: a run left `running` by a process that died (the core's process
 * killed, the laptop's power cut) is marked interrupted as soon as the engine starts again, not only
 * when the profile's next run begins, so Runs and Home stop showing it as going. Its unfinished
 * writes stay in the journal; the next run settles them (journal.ts, settle.ts). A run that another
 * living process holds the lock for (`reqbridge sync` in a terminal) is left alone.
 */
import { existsSync } from 'node:fs';
import type { Core } from '../bootstrap.ts';
import { stateDbPath } from '../state/state-db.ts';
import { createRunLog } from './run-log.ts';
import { lockHeldByOtherProcess } from './run-lock.ts';

/** Mark every profile's runs left running as interrupted; returns how many were marked. Only existing databases are opened. */
export function markInterruptedRuns(core: Core, dataDir: string): number {
  const deps = core.service.deps;
  let marked = 0;
  for (const profile of deps.settings.list().profiles) {
    if (!existsSync(stateDbPath(dataDir, profile.id))) continue;
    const state = deps.stateDbs.forProfile(profile.id);
    if (lockHeldByOtherProcess(state)) continue;
    const count = createRunLog(state, profile.id, deps.redactor.redact).markInterrupted(null, deps.clock.now());
    if (count > 0)
      deps.logger.warn(`Sync: ${count} run(s) of ${profile.name} were going when ReqBridge stopped; they are marked interrupted.`);
    marked += count;
  }
  return marked;
}
