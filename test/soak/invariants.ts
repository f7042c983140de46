/**
 * The soak's invariants, checked after a seed's clean final run (reliability.md §5, "Invariant
 * checker"): no duplicates, convergence, runs finished, nothing written that no plan contained,
 * and the canary secret nowhere.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openStateDb, stateDbPath } from '../../src/main/core/state/state-db.ts';
import { SOAK_EDITOR_USER, SOAK_ORG } from './world.ts';
import type { SoakWorld } from './world.ts';

/** The invariant names a violation carries. */
export type InvariantName =
  | 'no duplicates'
  | 'convergence'
  | 'runs finished'
  | 'nothing unplanned written'
  | 'canary secret nowhere'
  | 'runs bounded'
  | 'deliveries decided'
  | 'no hire lost'
  | 'bad signatures refused'
  | 'daily run once a day';

/** One broken invariant. */
export interface Violation {
  seed: number;
  invariant: InvariantName;
  detail: string;
  reproduce: string;
}

/** The plan rows a converged world may still hold (documented skips and attention rows). */
const SETTLED_ACTIONS = new Set(['skip', 'needs_attention']);

/** Intent kinds that may write a ChartHop job (its fields, the write-back of a Lever id or code, a reset on undo). */
const JOB_WRITING = /"kind":"(charthop\.(update|close|remove|unlink|restore)|lever\.(create|update|remove|unlink|restore))"/;

interface JournalFacts {
  running: number;
  leverCreates: number;
  leverUpdates: number;
  charthopCreates: number;
  links: { job_id: string; requisition_id: string }[];
  /** Job writes the journal planned (sent or settled), per ChartHop job id. */
  jobWrites: Map<string, number>;
}

function plannedJobWrites(db: ReturnType<typeof openStateDb>): Map<string, number> {
  const out = new Map<string, number>();
  const add = (jobId: string, n: number): void => void out.set(jobId, (out.get(jobId) ?? 0) + n);
  const intents = db.db.prepare(`SELECT payload FROM intents WHERE state IN ('SENT', 'CONFIRMED', 'FAILED')`).all() as {
    payload: string;
  }[];
  for (const { payload } of intents) {
    const jobId = /"jobId":"([^"]+)"/.exec(payload)?.[1];
    if (jobId && JOB_WRITING.test(payload)) add(jobId, 1);
  }
  // A hire ReqBridge made writes its job twice at most: recruiting status Pending, then the offered pay.
  const hires = db.db
    .prepare('SELECT charthop_job_id AS job FROM hires WHERE charthop_job_id IS NOT NULL AND person_id IS NOT NULL')
    .all() as { job: string }[];
  for (const { job } of hires) add(job, 2);
  // A metrics pull (Run Daily's last step) writes each linked job's four numbers once at most.
  const pulls = (db.db.prepare(`SELECT COUNT(*) AS n FROM runs WHERE direction = 'metrics'`).get() as { n: number }).n;
  const linked = db.db.prepare('SELECT charthop_job_id AS job FROM links').all() as { job: string }[];
  if (pulls > 0) for (const job of new Set([...out.keys(), ...linked.map((l) => l.job)])) add(job, pulls);
  return out;
}

function journalFacts(world: SoakWorld): JournalFacts {
  const db = openStateDb(stateDbPath(world.dataDir, world.profileId));
  try {
    const count = (sql: string): number => (db.db.prepare(sql).get() as { n: number }).n;
    return {
      running: count(`SELECT COUNT(*) AS n FROM runs WHERE status = 'running'`),
      leverCreates: count(
        `SELECT COUNT(*) AS n FROM intents WHERE payload LIKE '%"kind":"lever.create"%' AND state IN ('SENT', 'CONFIRMED', 'FAILED')`,
      ),
      leverUpdates: count(
        `SELECT COUNT(*) AS n FROM intents WHERE (payload LIKE '%"kind":"lever.update"%' OR payload LIKE '%"kind":"lever.close"%') AND state IN ('SENT', 'CONFIRMED', 'FAILED')`,
      ),
      charthopCreates: count(
        `SELECT COUNT(*) AS n FROM intents WHERE payload LIKE '%"kind":"charthop.create"%' AND state IN ('SENT', 'CONFIRMED', 'FAILED')`,
      ),
      links: db.db.prepare('SELECT charthop_job_id AS job_id, lever_requisition_id AS requisition_id FROM links').all() as {
        job_id: string;
        requisition_id: string;
      }[],
      jobWrites: plannedJobWrites(db),
    };
  } finally {
    db.close();
  }
}

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/**
 * Checks every invariant of a settled world; `plan` is a fresh plan's rows, `outputs` every
 * child's stdout/stderr, `reproduce` the command each violation carries.
 */
export function checkInvariants(
  seed: number,
  world: SoakWorld,
  plan: { action: string; reason: string; code: string | null }[],
  outputs: readonly string[],
  reproduce: string,
): Violation[] {
  const out: Violation[] = [];
  const add = (invariant: InvariantName, detail: string): void => {
    out.push({ seed, invariant, detail, reproduce });
  };
  const reqs = world.lever.control.state().requisitions;
  const jobs = world.charthop.control.jobs(SOAK_ORG);

  // No duplicates: codes, jobs per requisition, requisitions per job.
  const byCode = new Map<string, number>();
  for (const r of reqs) byCode.set(r.requisitionCode.toLowerCase(), (byCode.get(r.requisitionCode.toLowerCase()) ?? 0) + 1);
  for (const [code, n] of byCode) if (n > 1) add('no duplicates', `${n} Lever requisitions hold the code ${code}`);
  const jobsByReq = new Map<string, number>();
  for (const j of jobs) {
    const reqId = (j['fields'] as Record<string, unknown> | undefined)?.['leverReqId'] ?? j['leverReqId'];
    if (typeof reqId === 'string' && reqId) jobsByReq.set(reqId, (jobsByReq.get(reqId) ?? 0) + 1);
  }
  for (const [reqId, n] of jobsByReq) if (n > 1) add('no duplicates', `${n} ChartHop jobs point at requisition ${reqId}`);
  const facts = journalFacts(world);
  const linkedReqs = new Set(facts.links.map((l) => l.requisition_id));
  if (world.direction === 'outbound') {
    for (const r of reqs)
      if (!linkedReqs.has(r.id)) add('no duplicates', `Lever requisition ${r.requisitionCode} (${r.id}) is linked to no ChartHop job`);
  } else {
    // Only open requisitions make jobs: one a hire filled (and Lever closed) before its first sync has none, by design.
    for (const r of reqs) {
      if (r.status === 'open' && !jobsByReq.has(r.id))
        add('convergence', `open Lever requisition ${r.requisitionCode} has no ChartHop job`);
    }
  }

  // Convergence: a fresh plan holds only skips and attention rows.
  for (const row of plan)
    if (!SETTLED_ACTIONS.has(row.action))
      add('convergence', `a fresh plan still holds ${row.action} (${row.reason}) for ${row.code ?? 'a record'}`);

  // Every run finished (or was marked interrupted by the run after the kill).
  if (facts.running > 0) add('runs finished', `${facts.running} run(s) are still marked running after the final run`);

  // Nothing written that no plan contained: every committed Lever write and ChartHop create has a journal intent.
  // A create committed when the handler answered 2xx, even if the answer was then lost (reset, timeout).
  const committed = (log: { status: number; fault?: string }[]): number =>
    log.filter((e) => e.fault === 'commitThenReset' || (e.status >= 200 && e.status < 300 && e.fault !== 'status' && e.fault !== 'reset'))
      .length;
  const leverPosts = committed(world.lever.control.requestLog({ method: 'POST', path: '/v1/requisitions' }));
  const charthopPosts = committed(world.charthop.control.requestLog({ method: 'POST', path: `/v2/org/${SOAK_ORG}/job` }));
  if (leverPosts > facts.leverCreates)
    add('nothing unplanned written', `Lever took ${leverPosts} requisition creates, the journal planned ${facts.leverCreates}`);
  const leverPuts = committed(world.lever.control.requestLog({ method: 'PUT', path: '/v1/requisitions/:id' }));
  if (leverPuts > facts.leverUpdates)
    add('nothing unplanned written', `Lever took ${leverPuts} requisition updates, the journal planned ${facts.leverUpdates}`);
  if (charthopPosts > facts.charthopCreates)
    add('nothing unplanned written', `ChartHop took ${charthopPosts} job creates, the journal planned ${facts.charthopCreates}`);
  // ChartHop job updates by ReqBridge (the schedule's own edits, under the editor's token, left out): each job's
  // within what the journal and the hires ledger planned for that job.
  const jobPatches = new Map<string, number>();
  for (const e of world.charthop.control.requestLog({ method: 'PATCH', path: `/v2/org/${SOAK_ORG}/job/:id` })) {
    if (e.identity === SOAK_EDITOR_USER || committed([e]) === 0) continue;
    const jobId = e.path.split('/').pop() ?? '';
    jobPatches.set(jobId, (jobPatches.get(jobId) ?? 0) + 1);
  }
  for (const [jobId, n] of jobPatches) {
    const planned = facts.jobWrites.get(jobId) ?? 0;
    if (n > planned) {
      add(
        'nothing unplanned written',
        `ChartHop job ${jobId} took ${n} updates from ReqBridge, the journal and the hires ledger planned ${planned}`,
      );
    }
  }

  // The canary secret appears in no file of the data folder and in no output of ReqBridge.
  for (const path of files(world.dataDir)) {
    if (readFileSync(path).toString('latin1').includes(world.canary))
      add('canary secret nowhere', `the Lever key appears in ${path.slice(world.dataDir.length + 1)}`);
  }
  if (outputs.some((o) => o.includes(world.canary))) add('canary secret nowhere', 'the Lever key appears in a log line or a run summary');
  return out;
}
