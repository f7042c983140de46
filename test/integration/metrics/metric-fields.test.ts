// Which ChartHop fields may hold the candidate metrics, checked against the org's field definitions in the
// fake ChartHop: integer, decimal and number job fields pass; a field of people, a text field or a missing
// code is named with its reason, and a run is refused with every reason and what to do, word for word.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../src/main/sandbox/start-sandbox.ts';
import type { Sandbox } from '../../../src/main/sandbox/start-sandbox.ts';
import { AppError } from '../../../src/main/core/errors.ts';
import {
  assertMetricFieldsUsable,
  describeMetricFieldProblems,
  inspectMetricFields,
} from '../../../src/main/core/metrics/metric-fields.ts';
import { declareCustomFields } from '../../support/charthop-fields.ts';
import { sandboxChartHopClient } from './sandbox-charthop-client.ts';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ jobs: 5, opportunities: 5 });
  await declareCustomFields(sandbox.charthop, sandbox.credentials.charthopToken, [
    { code: 'candidatesActive', label: 'Candidates Active', type: 'INTEGER' },
    { code: 'candidatesInterviewing', label: 'Candidates Interviewing', type: 'DECIMAL', entityType: 'JOB_OPEN' },
    { code: 'offersOut', label: 'Offers Out', type: 'STRING' },
    { code: 'offersOwner', label: 'Offers Owner', type: 'INTEGER', entityType: 'PERSON' },
  ]);
});
afterAll(() => sandbox.close());

const charthop = () => sandboxChartHopClient(sandbox);

const FIX =
  'Create the field in ChartHop as a number field on jobs, or correct its code in Options → Candidate metrics in ChartHop ("Use the built-in fields" goes back to ChartHop\'s own fields).';

describe('the ChartHop fields candidate metrics are written to', () => {
  it('accepts integer and decimal job fields (codes compare without case) and names what is wrong with the others', async () => {
    const statuses = await inspectMetricFields(charthop(), {
      active: 'CANDIDATESACTIVE',
      interview: 'candidatesInterviewing',
      activeOffers: 'offersOut',
      totalOffers: 'offersOwner',
    });
    expect(statuses.map((s) => ({ key: s.key, code: s.code, field: s.field?.name ?? null, problem: s.problem }))).toEqual([
      { key: 'active', code: 'CANDIDATESACTIVE', field: 'candidatesActive', problem: null },
      { key: 'interview', code: 'candidatesInterviewing', field: 'candidatesInterviewing', problem: null },
      { key: 'activeOffers', code: 'offersOut', field: 'offersOut', problem: 'offersOut is a STRING field, not a number field' },
      { key: 'totalOffers', code: 'offersOwner', field: 'offersOwner', problem: 'offersOwner is a field of people, not of jobs' },
    ]);
    expect(describeMetricFieldProblems(statuses)).toEqual([
      'Active offers → offersOut: offersOut is a STRING field, not a number field',
      'Total offers → offersOwner: offersOwner is a field of people, not of jobs',
    ]);
  });

  it('accepts a field ChartHop answers with the type NUMBER', async () => {
    sandbox.control.charthop.setFault({
      method: 'GET',
      path: '/v1/org/:org/field',
      times: 1,
      action: {
        kind: 'status',
        status: 200,
        body: {
          data: [
            { id: 'f-1', name: 'candidatesActive', label: 'Candidates Active', type: 'NUMBER', entityType: 'JOB' },
            { id: 'f-2', name: 'candidatesInterviewing', label: 'Candidates Interviewing', type: 'number', entityType: 'JOB' },
            { id: 'f-3', name: 'offersOut', label: 'Offers Out', type: 'integer' },
            { id: 'f-4', name: 'offersExtended', label: 'Offers Extended', type: 'Decimal', entityType: 'job' },
          ],
          next: null,
        },
      },
    });
    const statuses = await inspectMetricFields(charthop(), {
      active: 'candidatesActive',
      interview: 'candidatesInterviewing',
      activeOffers: 'offersOut',
      totalOffers: 'offersExtended',
    });
    sandbox.control.charthop.clearFaults();
    expect(statuses.map((s) => s.problem)).toEqual([null, null, null, null]);
  });

  it('refuses to write with every wrong field and what to do, before anything else', async () => {
    const refusal = await assertMetricFieldsUsable(charthop(), {
      active: 'candidatesPipeline',
      interview: 'candidatesInterviewing',
      activeOffers: 'offersOut',
      totalOffers: 'applyTotalOffer',
    }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect({ code: (refusal as AppError).code, message: (refusal as AppError).message }).toEqual({
      code: 'metrics.fields_invalid',
      message: `Candidate metrics were not written: Active candidates → candidatesPipeline: ChartHop has no field with the code candidatesPipeline; Active offers → offersOut: offersOut is a STRING field, not a number field. ${FIX}`,
    });
    await expect(
      assertMetricFieldsUsable(charthop(), {
        active: 'candidatesActive',
        interview: 'applyInterview',
        activeOffers: 'applyOffer',
        totalOffers: 'applyTotalOffer',
      }),
    ).resolves.toBeUndefined();
  });
});
