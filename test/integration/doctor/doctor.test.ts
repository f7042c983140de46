// The doctor against the sandbox servers seeded with the demo data, over real HTTP: permission
// probes (and proof they change nothing), the deliberate email mismatches and duplicated team of
// the demo, crosswalk mappings, option rules, and missing or rejected credentials.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDoctorDeps } from '../../../src/main/core/doctor/doctor-deps.ts';
import { runDoctor } from '../../../src/main/core/doctor/run-doctor.ts';
import type { DoctorCheck, DoctorReport } from '../../../src/main/core/doctor/types.ts';
import { DOCTOR_CHECK_IDS } from '../../../src/main/core/doctor/types.ts';
import { profileObjectSchema, profileSettingsSchema } from '../../../src/shared/settings/schema.ts';
import type { ProfileSettings } from '../../../src/shared/settings/schema.ts';
import type { LeverPermission } from '../../../src/main/sandbox/lever/index.ts';
import { startSandbox } from '../../../src/main/sandbox/start-sandbox.ts';
import type { Sandbox } from '../../../src/main/sandbox/start-sandbox.ts';
import type { ClientKit, ClientOptions } from '../clients/support.ts';
import { charthopClient, clientKit, FULL_KEY, leverClient } from '../clients/support.ts';
import { CUSTOM_METRIC_FIELDS, CUSTOM_METRIC_FIELD_SPECS, declareCustomFields } from '../../support/charthop-fields.ts';

let sandbox: Sandbox;
let kit: ClientKit;
beforeEach(async () => {
  kit = clientKit(Date.UTC(2026, 10, 2, 9));
  sandbox = await startSandbox({ clock: () => kit.clock.now() });
});
afterEach(async () => {
  await sandbox.close();
});

function profile(overrides: Partial<ProfileSettings> = {}): ProfileSettings {
  return profileSettingsSchema.parse({
    id: 'sandbox',
    name: 'Sandbox',
    kind: 'sandbox',
    sourceOfTruth: 'charthop',
    options: { runDaily: true, syncOnChange: true, reconciliation: true, reverseSync: false, remoteLocationAsDefault: false },
    ...overrides,
  });
}

/** Adds a Lever key with the full permissions minus `without`; returns its secret. */
function addKey(without: LeverPermission[], secret: string): string {
  const state = sandbox.control.lever.state();
  state.keys.push({ ...FULL_KEY, id: `key-${secret}`, secret, permissions: FULL_KEY.permissions.filter((p) => !without.includes(p)) });
  sandbox.control.lever.seed(state);
  return secret;
}

async function doctor(
  options: {
    leverKey?: string | null;
    charthopToken?: string | null;
    org?: string;
    profile?: ProfileSettings;
    leverRetry?: ClientOptions['retry'];
  } = {},
): Promise<DoctorReport> {
  const leverKey = options.leverKey === undefined ? sandbox.credentials.leverKeys.full : options.leverKey;
  const token = options.charthopToken === undefined ? sandbox.credentials.charthopToken : options.charthopToken;
  return runDoctor({
    profile: options.profile ?? profile(),
    lever:
      leverKey === null ? null : leverClient(kit, sandbox.lever.url, leverKey, options.leverRetry ? { retry: options.leverRetry } : {}),
    charthop: token === null ? null : charthopClient(kit, sandbox.charthop.url, token, options.org ?? sandbox.charthop.org),
    logger: kit.logging.logger,
    now: () => new Date(kit.clock.now()),
  });
}

const byId = (report: DoctorReport, id: string): DoctorCheck => {
  const check = report.checks.find((c) => c.id === id);
  if (!check) throw new Error(`no check ${id}`);
  return check;
};
const failed = (report: DoctorReport): string[] => report.checks.filter((c) => c.status === 'fail').map((c) => c.id);

describe('doctor with a full key against the demo data', () => {
  it('passes every connection check and reports the mismatched emails and the duplicated team', async () => {
    const before = { lever: sandbox.control.lever.state(), charthop: sandbox.control.charthop.state() };
    const report = await doctor();
    expect(report.checks.map((c) => c.id)).toEqual([...DOCTOR_CHECK_IDS]);
    expect(failed(report)).toEqual([]);
    expect(report.ok).toBe(true);
    for (const id of [
      'lever.key',
      'lever.read',
      'lever.create-requisitions',
      'lever.delete-requisitions',
      'lever.update-posting',
      'lever.update-requisition-fields',
      'lever.confidential',
      'charthop.token',
      'charthop.org',
      'charthop.write',
      'charthop.metric-fields',
      'options.valid',
      'options.direction',
    ]) {
      expect(byId(report, id).status, id).toBe('pass');
    }

    // Every deliberate mismatch whose person manages or recruits for an open job is listed; case-only variants are not.
    const openJobs = sandbox.control.charthop.jobs(sandbox.charthop.org).filter((j) => j.open === 'open');
    const onOpenJobs = new Set(openJobs.flatMap((j) => [j.hireMgr, j.recruiter]).filter((p): p is string => typeof p === 'string'));
    const expected = sandbox.facts.emailMismatches.filter((m) => onOpenJobs.has(m.charthopPersonId));
    expect(expected.length).toBeGreaterThan(0);
    const users = byId(report, 'users.match');
    expect(users.status).toBe('warn');
    for (const m of expected) {
      const item = users.items?.find((i) => i.startsWith(m.name) && i.includes(m.charthopEmail));
      expect(item, m.charthopEmail).toBeDefined();
      // Where Lever knows the person under another address, the report names it.
      if (m.leverEmail) expect(item).toContain(`Lever has a user with this name: ${m.leverEmail}`);
    }
    expect(users.items).toHaveLength(expected.length);
    for (const v of sandbox.facts.emailCaseVariants) expect(users.items?.join('\n')).not.toContain(v.charthopEmail);
    expect(users.fix).toMatch(/Lever users with the same email/);

    const teams = byId(report, 'lever.duplicate-teams');
    expect(teams.status).toBe('warn');
    const { duplicatedTeam } = sandbox.facts;
    expect(teams.items).toHaveLength(1);
    expect(teams.items?.[0]).toMatch(new RegExp(`^"${duplicatedTeam.name}" under `));
    for (const dept of duplicatedTeam.departments) expect(teams.items?.[0]).toContain(dept);
    for (const code of duplicatedTeam.requisitionCodes) expect(teams.items?.[0]).toContain(code);

    expect(byId(report, 'webhook.hire')).toMatchObject({ status: 'unverified', detail: expect.stringContaining('could not be read') });
    // Read-only: nothing changed in either system.
    expect(sandbox.control.lever.state()).toEqual(before.lever);
    expect(sandbox.control.charthop.state().changes).toEqual(before.charthop.changes);
    expect(sandbox.control.charthop.state().persons).toEqual(before.charthop.persons);
  });

  it("takes the profile's crosswalk mappings into account", async () => {
    const first = await doctor();
    const mismatch = sandbox.facts.emailMismatches.find(
      (m) => m.leverEmail && first.checks.find((c) => c.id === 'users.match')?.items?.some((i) => i.includes(m.charthopEmail)),
    );
    expect(mismatch).toBeDefined();
    const departments = byId(first, 'crosswalk.departments');
    const unmatchedInLever = (departments.items ?? [])
      .filter((i) => i.startsWith('ChartHop department without'))
      .map((i) => i.split(': ')[1] ?? '');
    const mapped = await doctor({
      profile: profile({
        mappings: {
          users: { [mismatch!.charthopEmail]: mismatch!.leverEmail! },
          teams: {},
          locations: {},
          employmentTypes: {},
          departments: Object.fromEntries(unmatchedInLever.map((d) => [d, 'Engineering'])),
        },
      }),
    });
    expect(byId(mapped, 'users.match').items?.join('\n')).not.toContain(mismatch!.charthopEmail);
    expect((byId(mapped, 'crosswalk.departments').items ?? []).filter((i) => i.startsWith('ChartHop department without'))).toEqual([]);
  });
});

describe('doctor crosswalk in both directions', () => {
  const LEVER_ONLY_DEPT = 'Skunkworks (Lever only)';
  const LEVER_ONLY_LOCATION = 'Atlantis Lever Office';
  const CHARTHOP_ONLY_LOCATION = 'Lisbon Hub';

  /** A Lever requisition with a department and location ChartHop does not know, and a ChartHop location Lever never uses. */
  function seedOneSided(): void {
    const lever = sandbox.control.lever.state();
    const template = lever.requisitions[0]!;
    lever.requisitions.push({
      ...template,
      id: '00000000-0000-4000-8000-0000000c0551',
      requisitionCode: 'XW-0001',
      department: LEVER_ONLY_DEPT,
      location: LEVER_ONLY_LOCATION,
      team: 'Skunk Team',
      offerIds: [],
    });
    sandbox.control.lever.seed(lever);
    const charthop = sandbox.control.charthop.state();
    const location = charthop.groups.find((g) => g.type === 'LOCATION')!;
    charthop.groups.push({
      ...location,
      id: '650002000000000000000999',
      slug: 'lisbon-hub',
      name: CHARTHOP_ONLY_LOCATION,
      code: 'LIS',
      aliases: [],
      locationType: 'OFFICE',
    });
    sandbox.control.charthop.seed(charthop);
  }

  it('lists Lever values without a ChartHop counterpart and ChartHop groups without a Lever one; mappings clear them', async () => {
    seedOneSided();
    const report = await doctor();
    const departments = byId(report, 'crosswalk.departments');
    expect(departments.status).toBe('warn');
    expect(departments.items).toContain(`Lever department without a ChartHop counterpart: ${LEVER_ONLY_DEPT}`);
    // The demo's own departments all exist in ChartHop: only the planted one is listed from the Lever side.
    expect((departments.items ?? []).filter((i) => i.startsWith('Lever department'))).toEqual([
      `Lever department without a ChartHop counterpart: ${LEVER_ONLY_DEPT}`,
    ]);
    const locations = byId(report, 'crosswalk.locations');
    expect(locations.status).toBe('warn');
    expect(locations.items).toEqual([
      `ChartHop location without a Lever counterpart: ${CHARTHOP_ONLY_LOCATION}`,
      `Lever location without a ChartHop counterpart: ${LEVER_ONLY_LOCATION}`,
    ]);
    expect(locations.detail).toMatch(/^1 ChartHop location not used in Lever and 1 Lever location unknown to ChartHop/);

    // Mapping ChartHop's names onto the Lever values clears both directions.
    const chartHopOnlyDepartments = (departments.items ?? [])
      .filter((i) => i.startsWith('ChartHop department without'))
      .map((i) => i.split(': ')[1] ?? '');
    expect(chartHopOnlyDepartments.length).toBeGreaterThan(0);
    const mapped = await doctor({
      profile: profile({
        mappings: {
          users: {},
          teams: {},
          employmentTypes: {},
          departments: {
            ...Object.fromEntries(chartHopOnlyDepartments.map((d) => [d, 'Engineering'])),
            [chartHopOnlyDepartments[0]!]: LEVER_ONLY_DEPT,
          },
          locations: { [CHARTHOP_ONLY_LOCATION]: LEVER_ONLY_LOCATION },
        },
      }),
    });
    expect(byId(mapped, 'crosswalk.departments')).toMatchObject({ status: 'pass', fix: null });
    expect(byId(mapped, 'crosswalk.locations')).toMatchObject({ status: 'pass', fix: null });
  });
});

describe('doctor with reduced credentials', () => {
  it('a key lacking "Delete requisitions": exactly that check fails, with its fix — and nothing is deleted', async () => {
    const secret = addKey(['Delete requisitions'], 'lever-no-delete-0009');
    const before = sandbox.control.lever.state();
    const report = await doctor({ leverKey: secret });
    expect(failed(report)).toEqual(['lever.delete-requisitions']);
    expect(report.ok).toBe(false);
    const check = byId(report, 'lever.delete-requisitions');
    expect(check.detail).toContain('lacks "Delete requisitions"');
    expect(check.fix).toBe('Edit the key in Lever → Settings → Integrations and API → API credentials and enable "Delete requisitions".');
    expect(sandbox.control.lever.state()).toEqual(before);
  });

  it('a read-only Lever key fails the four write permissions; missing reads are listed', async () => {
    const readOnly = await doctor({ leverKey: sandbox.credentials.leverKeys.readOnly });
    expect(failed(readOnly)).toEqual([
      'lever.create-requisitions',
      'lever.delete-requisitions',
      'lever.update-posting',
      'lever.update-requisition-fields',
    ]);
    const noOffers = addKey(['Read offers', 'Read users'], 'lever-no-offers-0010');
    const report = await doctor({ leverKey: noOffers });
    expect(failed(report)).toEqual(['lever.read']);
    expect(byId(report, 'lever.read').items).toEqual(['Read offers', 'Read users']);
    expect(byId(report, 'users.match').status).toBe('unverified');
  });

  it('a key without confidential access is a warning; a read-only ChartHop token fails write access', async () => {
    const report = await doctor({
      leverKey: sandbox.credentials.leverKeys.noConfidential,
      charthopToken: sandbox.credentials.charthopTokens.readOnly,
    });
    expect(byId(report, 'lever.confidential').status).toBe('warn');
    expect(failed(report)).toEqual(['charthop.write']);
    expect(byId(report, 'charthop.write').fix).toContain('Recruiting Editor or Owner');
    expect(byId(await doctor({ charthopToken: sandbox.credentials.charthopTokens.recruitEditor }), 'charthop.write').status).toBe('pass');
  });

  it('a rejected key, a missing token and an unknown org are failures; what depends on them is unverified', async () => {
    const report = await doctor({ leverKey: 'lever-wrong-key-0000', charthopToken: null });
    expect(failed(report)).toEqual(['lever.key', 'charthop.token']);
    expect(byId(report, 'lever.key').detail).toContain('401');
    expect(byId(report, 'lever.delete-requisitions').status).toBe('unverified');
    expect(byId(report, 'users.match').status).toBe('unverified');
    expect(sandbox.control.lever.requestLog({ status: 401 })).toHaveLength(1);
    const noOrg = await doctor({ org: 'globex' });
    expect(failed(noOrg)).toEqual(['charthop.org']);
    expect(byId(noOrg, 'charthop.org').detail).toContain('ChartHop has no org "globex"');
    const blank = await doctor({ org: '' });
    expect(byId(blank, 'charthop.org')).toMatchObject({ status: 'fail', items: [sandbox.charthop.org] });
    const none = await doctor({ leverKey: null });
    expect(byId(none, 'lever.key')).toMatchObject({ status: 'fail', detail: 'No Lever API key is saved for this profile.' });
  });
});

describe('doctor on permission probes whose answer proves nothing', () => {
  const WRITE_CHECKS = [
    'lever.create-requisitions',
    'lever.delete-requisitions',
    'lever.update-posting',
    'lever.update-requisition-fields',
  ];
  const statuses = (report: DoctorReport): Record<string, string> =>
    Object.fromEntries(WRITE_CHECKS.map((id) => [id, byId(report, id).status]));
  // Few, short retries: the kit's manual clock makes the waits instant, this keeps the request count small.
  const fastRetry = { maxAttempts: 2, baseDelayMs: 10 };

  it('503 on every attempt of the delete probe → `unverified`, never `pass`; the other permissions still pass', async () => {
    sandbox.control.lever.setFault({ method: 'DELETE', path: '/v1/requisitions/:id', action: { kind: 'status', status: 503 } });
    const report = await doctor({ leverRetry: fastRetry });
    expect(statuses(report)).toEqual({
      'lever.create-requisitions': 'pass',
      'lever.delete-requisitions': 'unverified',
      'lever.update-posting': 'pass',
      'lever.update-requisition-fields': 'pass',
    });
    const check = byId(report, 'lever.delete-requisitions');
    expect(check.detail).toMatch(/503/);
    expect(check.fix).not.toBeNull();
    expect(failed(report)).toEqual([]);
    // It was retried (5xx is worth another try) but bounded by the policy.
    const deletes = sandbox.control.lever.requestLog({ method: 'DELETE' });
    expect(deletes).toHaveLength(2);
  });

  it('405 on a write probe and a connection reset on another → both `unverified`', async () => {
    sandbox.control.lever.setFault({ method: 'POST', path: '/v1/requisition_fields', action: { kind: 'status', status: 405 } });
    sandbox.control.lever.setFault({ method: 'POST', path: '/v1/postings/:id', action: { kind: 'reset' } });
    const report = await doctor({ leverRetry: fastRetry });
    expect(statuses(report)).toEqual({
      'lever.create-requisitions': 'pass',
      'lever.delete-requisitions': 'pass',
      'lever.update-posting': 'unverified',
      'lever.update-requisition-fields': 'unverified',
    });
    const fields = byId(report, 'lever.update-requisition-fields');
    expect(fields.detail).toContain('Lever answered 405');
    expect(fields.detail).toContain('proves neither way');
    expect(fields.fix).toContain('Confirm "Update requisition fields"');
    expect(byId(report, 'lever.update-posting').detail).toMatch(/^Could not probe it: /);
    expect(failed(report)).toEqual([]);
  });

  it('a 2xx answer to a probe → `warn` (the permission is there, but the probe may have changed data)', async () => {
    sandbox.control.lever.setFault({ method: 'DELETE', path: '/v1/requisitions/:id', action: { kind: 'status', status: 204 } });
    const report = await doctor({ leverRetry: fastRetry });
    expect(statuses(report)).toEqual({
      'lever.create-requisitions': 'pass',
      'lever.delete-requisitions': 'warn',
      'lever.update-posting': 'pass',
      'lever.update-requisition-fields': 'pass',
    });
    const check = byId(report, 'lever.delete-requisitions');
    expect(check.detail).toContain('Lever accepted a delete of a requisition that does not exist (204)');
    expect(check.fix).toMatch(/Check recent changes in Lever/);
    expect(report.ok).toBe(true);
  });
});

describe("doctor on the profile's options", () => {
  it('reports an invalid combination and unmet requirements of the chosen direction', async () => {
    const bad = profileObjectSchema.parse({
      id: 'p',
      name: 'P',
      sourceOfTruth: 'lever',
      options: { reverseSync: true, syncOnChange: true },
    });
    const report = await doctor({ profile: bad });
    expect(byId(report, 'options.valid')).toMatchObject({
      status: 'fail',
      fix: 'Sync On Change and Reverse Sync cannot both be on: turn one of them off.',
    });
    expect(byId(report, 'options.direction').status).toBe('warn');
    const inbound = await doctor({
      profile: profile({
        sourceOfTruth: 'lever',
        options: { runDaily: true, syncOnChange: false, reverseSync: false, reconciliation: false, remoteLocationAsDefault: true },
      }),
    });
    expect(byId(inbound, 'options.direction')).toMatchObject({ status: 'fail', items: ['Reverse Sync'] });
  });
});

describe('doctor on the ChartHop fields of the candidate metrics', () => {
  it("passes with the built-in fields, and checks the profile's custom fields instead when set", async () => {
    const builtIn = byId(await doctor(), 'charthop.metric-fields');
    expect(builtIn).toMatchObject({ status: 'pass', title: 'ChartHop fields for the candidate metrics exist', fix: null });
    expect(builtIn.detail).toContain("ChartHop's built-in fields");
    expect(builtIn.detail).toContain(
      'Active candidates → applyActive, Active interviews → applyInterview, Active offers → applyOffer, Total offers → applyTotalOffer',
    );

    // Custom fields the org does not have yet: a failure naming each, with the fix.
    const custom = profile({ metricFields: { ...CUSTOM_METRIC_FIELDS } });
    const missing = await doctor({ profile: custom });
    expect(failed(missing)).toEqual(['charthop.metric-fields']);
    const check = byId(missing, 'charthop.metric-fields');
    expect(check.items).toEqual([
      `Active candidates → ${CUSTOM_METRIC_FIELDS.active}: ChartHop has no field with the code ${CUSTOM_METRIC_FIELDS.active}`,
      `Active interviews → ${CUSTOM_METRIC_FIELDS.interview}: ChartHop has no field with the code ${CUSTOM_METRIC_FIELDS.interview}`,
      `Active offers → ${CUSTOM_METRIC_FIELDS.activeOffers}: ChartHop has no field with the code ${CUSTOM_METRIC_FIELDS.activeOffers}`,
      `Total offers → ${CUSTOM_METRIC_FIELDS.totalOffers}: ChartHop has no field with the code ${CUSTOM_METRIC_FIELDS.totalOffers}`,
    ]);
    expect(check.detail).toBe(
      'Candidate metrics cannot be written: 4 of the 4 ChartHop fields they go to are missing or cannot hold a number.',
    );
    expect(check.fix).toBe(
      'Create the field in ChartHop as a number field on jobs, or correct its code in Options → Candidate metrics in ChartHop ("Use the built-in fields" goes back to ChartHop\'s own fields).',
    );

    // Once the client's admin creates them, the same profile passes; ChartHop codes ignore case.
    await declareCustomFields(sandbox.charthop, sandbox.credentials.charthopToken, CUSTOM_METRIC_FIELD_SPECS);
    const present = byId(
      await doctor({ profile: profile({ metricFields: { ...CUSTOM_METRIC_FIELDS, active: 'CandidatesACTIVE' } }) }),
      'charthop.metric-fields',
    );
    expect(present.status).toBe('pass');
    expect(present.detail).toContain(`the fields set for this profile`);
    expect(present.detail).toContain(
      `Active candidates → ${CUSTOM_METRIC_FIELDS.active}, Active interviews → ${CUSTOM_METRIC_FIELDS.interview}`,
    );
  });

  it('a field that cannot hold the number (text, or on people) is a failure; without a ChartHop connection it is unverified', async () => {
    await declareCustomFields(sandbox.charthop, sandbox.credentials.charthopToken, [
      { code: 'hiringNotes', label: 'Hiring Notes', type: 'STRING' },
      { code: 'referrals', label: 'Referrals', entityType: 'PERSON' },
    ]);
    const before = sandbox.control.charthop.state();
    const report = await doctor({
      profile: profile({
        metricFields: { active: 'hiringNotes', interview: 'referrals', activeOffers: 'applyOffer', totalOffers: 'applyTotalOffer' },
      }),
    });
    expect(byId(report, 'charthop.metric-fields')).toMatchObject({
      status: 'fail',
      items: [
        'Active candidates → hiringNotes: hiringNotes is a STRING field, not a number field',
        'Active interviews → referrals: referrals is a field of people, not of jobs',
      ],
    });
    expect(byId(await doctor({ charthopToken: null }), 'charthop.metric-fields')).toMatchObject({
      status: 'unverified',
      detail: 'Not checked: it needs a working ChartHop connection.',
    });
    // Read-only: no field or job changed.
    const after = sandbox.control.charthop.state();
    expect(after.fields).toEqual(before.fields);
    expect(after.changes).toEqual(before.changes);
  });
});

describe('createDoctorDeps', () => {
  it('builds the clients from revealed secrets and the resolved connection; a missing secret gives no client', async () => {
    const secrets = new Map<string, string>([
      ['leverApiKey', sandbox.credentials.leverKeys.full],
      ['charthopToken', ` ${sandbox.credentials.charthopToken}\n`],
    ]);
    const setup = {
      profile: profile(),
      connection: { leverBaseUrl: sandbox.lever.url, charthopBaseUrl: sandbox.charthop.url, charthopOrg: sandbox.charthop.org },
      secrets: { reveal: (_profileId: string, name: string) => Promise.resolve(secrets.get(name) ?? null) },
      registry: kit.registry,
      logger: kit.logging.logger,
      redactor: kit.logging.redactor,
      clock: kit.clock,
    };
    const report = await runDoctor(await createDoctorDeps(setup));
    expect(failed(report)).toEqual([]);
    kit.logging.logger.info(`key ${sandbox.credentials.leverKeys.full} token ${sandbox.credentials.charthopToken}`);
    expect(kit.logging.lines.at(-1)?.message).toBe('key [redacted] token [redacted]');
    secrets.delete('leverApiKey');
    const deps = await createDoctorDeps(setup);
    expect(deps.lever).toBeNull();
    expect(deps.charthop).not.toBeNull();
  });
});
