/**
 * The faults the soak injects, drawn per step from the seed's PRNG and set on the fakes' fault
 * plans (reliability.md §5, rows B*). Each kind targets the calls where it hurts: creates and
 * updates for the unknown-outcome cases, listings for truncated and malformed bodies.
 */
import type { FaultRuleInput } from '../../src/main/sandbox/http/faults.ts';
import type { Prng } from './prng.ts';
import type { SoakDirection } from './world.ts';

/** The fault kinds the soak reports. */
export const SOAK_FAULT_KINDS = [
  '429_retry_after',
  '429_bare',
  '5xx',
  'timeout',
  'reset',
  'commit_then_reset',
  'slow_body',
  'truncated_body',
  'malformed_json',
] as const;

/** One of {@link SOAK_FAULT_KINDS}. */
export type SoakFaultKind = (typeof SOAK_FAULT_KINDS)[number];

/** A drawn fault: its kind and the rule for one fake. */
export interface DrawnFault {
  kind: SoakFaultKind;
  vendor: 'lever' | 'charthop';
  rule: FaultRuleInput;
}

const LEVER_REQS = '/v1/requisitions';
const CH_JOBS = '/v2/org/:org/job';

/** The longest a client waits for an answer in the soak's child (`SOAK_HTTP_TIMEOUT_MS`). */
export const SOAK_HTTP_TIMEOUT_MS = 1_500;

/** Draws the rule of one fault of `kind` for a world of `direction`. */
export function drawFault(prng: Prng, kind: SoakFaultKind, direction: SoakDirection): DrawnFault {
  // The side that receives creates: Lever outbound, ChartHop inbound.
  const writeVendor = direction === 'outbound' ? 'lever' : 'charthop';
  const createPath = writeVendor === 'lever' ? LEVER_REQS : CH_JOBS;
  const anyVendor = prng.chance(0.5) ? 'lever' : 'charthop';
  const listPath = anyVendor === 'lever' ? LEVER_REQS : CH_JOBS;
  const nth = prng.int(1, 3);
  switch (kind) {
    case '429_retry_after': {
      const start = prng.int(1, 4);
      return {
        kind,
        vendor: anyVendor,
        rule: { path: listPath, nth: [start, start + 1, start + 2], action: { kind: 'status', status: 429, retryAfter: 1 } },
      };
    }
    case '429_bare': {
      const start = prng.int(1, 4);
      return { kind, vendor: anyVendor, rule: { path: listPath, nth: [start, start + 1], action: { kind: 'status', status: 429 } } };
    }
    case '5xx':
      return {
        kind,
        vendor: anyVendor,
        rule: { path: listPath, nth: [1, 2], action: { kind: 'status', status: prng.pick([500, 502, 503]) } },
      };
    case 'timeout':
      return {
        kind,
        vendor: writeVendor,
        rule: { method: 'POST', path: createPath, nth, action: { kind: 'delay', ms: SOAK_HTTP_TIMEOUT_MS + 500, after: true } },
      };
    case 'reset':
      return { kind, vendor: anyVendor, rule: { path: listPath, nth, action: { kind: 'reset' } } };
    case 'commit_then_reset':
      return { kind, vendor: writeVendor, rule: { method: 'POST', path: createPath, nth, action: { kind: 'commitThenReset' } } };
    case 'slow_body':
      return { kind, vendor: anyVendor, rule: { path: listPath, nth, action: { kind: 'delay', ms: 300, after: true } } };
    case 'truncated_body':
      return { kind, vendor: anyVendor, rule: { method: 'GET', path: listPath, nth, action: { kind: 'truncateBody' } } };
    case 'malformed_json':
      return { kind, vendor: anyVendor, rule: { method: 'GET', path: listPath, nth, action: { kind: 'malformedJson' } } };
  }
}

/** The fault kinds armed around the new-hire flow (its clients wait the default timeout, so no `timeout` here). */
export const HIRE_FAULT_KINDS: readonly SoakFaultKind[] = [
  '429_retry_after',
  '429_bare',
  '5xx',
  'reset',
  'commit_then_reset',
  'slow_body',
  'truncated_body',
  'malformed_json',
];

const CH_PEOPLE = '/v2/org/:org/person';
const LEVER_OPPORTUNITY = '/v1/opportunities/:id';

/**
 * Draws a fault for the new-hire flow: reads of the hired opportunity in Lever and of people in
 * ChartHop; for `commit_then_reset`, the person create itself (the answer lost after ChartHop made
 * the person: the case that makes a second person unless ReqBridge looks before it re-creates).
 */
export function drawHireFault(prng: Prng, kind: SoakFaultKind): DrawnFault {
  const lever = prng.chance(0.5);
  const vendor = lever ? 'lever' : 'charthop';
  const path = lever ? LEVER_OPPORTUNITY : CH_PEOPLE;
  const nth = prng.int(1, 2);
  switch (kind) {
    case '429_retry_after':
      return { kind, vendor, rule: { method: 'GET', path, nth: [nth, nth + 1], action: { kind: 'status', status: 429, retryAfter: 1 } } };
    case '429_bare':
      return { kind, vendor, rule: { method: 'GET', path, nth: [nth, nth + 1], action: { kind: 'status', status: 429 } } };
    case '5xx':
      return { kind, vendor, rule: { method: 'GET', path, nth: [nth], action: { kind: 'status', status: prng.pick([500, 502, 503]) } } };
    case 'commit_then_reset':
      return { kind, vendor: 'charthop', rule: { method: 'POST', path: CH_PEOPLE, nth: 1, action: { kind: 'commitThenReset' } } };
    case 'slow_body':
      return { kind, vendor, rule: { method: 'GET', path, nth, action: { kind: 'delay', ms: 300, after: true } } };
    case 'truncated_body':
      return { kind, vendor, rule: { method: 'GET', path, nth, action: { kind: 'truncateBody' } } };
    case 'malformed_json':
      return { kind, vendor, rule: { method: 'GET', path, nth, action: { kind: 'malformedJson' } } };
    default:
      return { kind, vendor, rule: { method: 'GET', path, nth, action: { kind: 'reset' } } };
  }
}
