// The API shape report end to end: the fake Lever answers requisition reads in a drifted shape
// (a renamed field, a number as a string, extra nesting). The sync stops with a clear error
// instead of guessing, and the profile's shape record — `doctor:shapes`, Check connection's
// warning, `reqbridge doctor --shapes` — shows what moved, as key paths and types. A canary value
// in every field reaches neither the report, nor the logs, nor any file in the data folder.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LeverRequisition, SeedOf } from '../../../src/main/sandbox/lever/index.ts';
import { runShapesCommand } from '../../../src/main/cli/commands/doctor.ts';
import { valueOf } from '../../support/test-core.ts';
import type { SyncWorld } from './harness.ts';
import { startWorld } from './harness.ts';
import { charthopSeed, inboundProfile, leverSeed, STAFF } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const CANARY = 'CANARY-5b1f';
const INBOUND = inboundProfile();
const req = (i: number): SeedOf<LeverRequisition, 'requisitionCode' | 'name' | 'headcountTotal'> => ({
  id: `lr-${i}`,
  requisitionCode: `${CANARY}-code-${i}`,
  name: `${CANARY}-name-${i}`,
  headcountTotal: 3,
  status: 'open',
  hiringManager: STAFF.grace.leverId,
  department: `${CANARY}-dept`,
  team: `${CANARY}-team`,
  location: `${CANARY}-loc`,
  employmentStatus: `${CANARY}-employment`,
  internalNotes: `${CANARY}-notes`,
});

/** Every file under `dir`, read as text. */
function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ path, text: readFileSync(path).toString('latin1') }];
  });
}

describe('API shapes', () => {
  it('a drifted Lever answer stops the sync, and the shape record shows what moved without any value', async () => {
    const w = await startWorld({ charthop: charthopSeed([]), lever: leverSeed([req(1), req(2)]), profile: INBOUND });
    world = w;
    w.lever.control.setRequisitionShape('drifted');

    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/Lever sent an unexpected response to GET \/requisitions/);
    expect(w.charthopWrites()).toEqual([]);

    const report = valueOf(await w.test.api.invoke('doctor:shapes', { profileId: w.profileId }));
    const requisitions = report.endpoints.find((e) => e.vendor === 'lever' && e.endpoint === 'GET /requisitions');
    expect(requisitions?.responses).toBeGreaterThanOrEqual(1);
    expect(requisitions?.findings.map((f) => ({ kind: f.kind, path: f.path, observed: f.observed, relied: f.relied }))).toEqual(
      expect.arrayContaining([
        { kind: 'unknown', path: 'data[].teamName', observed: 'string', relied: false },
        { kind: 'missing', path: 'data[].team', observed: null, relied: true },
        { kind: 'type', path: 'data[].headcountTotal', observed: 'string', relied: true },
        { kind: 'type', path: 'data[].location', observed: 'object', relied: true },
      ]),
    );
    // Answers of the expected shape are counted too, with nothing to report.
    const jobs = report.endpoints.find((e) => e.vendor === 'charthop' && e.endpoint === 'GET /v2/org/:org/job');
    expect(jobs?.responses).toBeGreaterThanOrEqual(1);
    expect(jobs?.findings.filter((f) => f.kind === 'type' || f.relied)).toEqual([]);

    // Check connection warns about the fields the sync relies on.
    const doctor = valueOf(await w.test.api.invoke('doctor:run', { profileId: w.profileId }));
    const check = doctor.checks.find((c) => c.id === 'api.shapes');
    expect(check?.status).toBe('warn');
    expect(check?.items?.join('\n')).toMatch(/Lever GET \/requisitions: data\[\]\.team missing/);

    // reqbridge doctor --shapes: the table, then each missing or mistyped field, the relied-on ones marked.
    const lines: string[] = [];
    const code = await runShapesCommand(
      w.test.api,
      { profile: 'Acme', json: false },
      { line: (t = '') => lines.push(t), json: (v) => lines.push(JSON.stringify(v)), error: (t) => lines.push(t) },
    );
    expect(code).toBe(0);
    expect(lines.join('\n')).toMatch(/lever +GET \/requisitions +\d+ +4 +4 /);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^WARN {2}lever GET \/requisitions {2}data\[\]\.headcountTotal: string where "unlimited"\|number was expected/,
        ),
      ]),
    );

    // The canary is in every field Lever sent; none of it is kept anywhere.
    const everything = [
      JSON.stringify(report),
      JSON.stringify(doctor),
      JSON.stringify(w.test.logs),
      ...filesUnder(w.test.dataDir).map((f) => f.text),
    ];
    for (const text of everything) expect(text).not.toContain(CANARY);
  });

  it('the record counts answers per endpoint and keeps first and last seen; a documented answer adds no warning', async () => {
    const w = await startWorld({ charthop: charthopSeed([]), lever: leverSeed([req(1)]), profile: INBOUND });
    world = w;
    await w.engine.plan(w.profileId, 'sync');
    const first = valueOf(await w.test.api.invoke('doctor:shapes', { profileId: w.profileId }));
    const before = first.endpoints.find((e) => e.endpoint === 'GET /requisitions');
    expect(before?.findings.filter((f) => f.kind === 'type' || f.relied)).toEqual([]);
    w.clock.advance(60_000);
    await w.engine.plan(w.profileId, 'sync');
    const second = valueOf(await w.test.api.invoke('doctor:shapes', { profileId: w.profileId }));
    const after = second.endpoints.find((e) => e.endpoint === 'GET /requisitions');
    expect(after?.responses).toBe((before?.responses ?? 0) * 2);
    expect(after?.firstSeen).toBe(before?.firstSeen);
    expect(Date.parse(after?.lastSeen ?? '')).toBeGreaterThan(Date.parse(before?.lastSeen ?? ''));
  });
});
