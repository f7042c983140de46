import { matchPattern } from './router.ts';
import { HttpError } from './types.ts';
import type { Random } from './types.ts';

/**
 * What a fault does to a matching call (reliability.md §5, rows B*):
 * - `status`: answer with this status (and `Retry-After` if given) without running the handler;
 * - `delay`: wait `ms` before the handler (or, with `after: true`, after it ran — the write commits
 *   while the client may already have timed out);
 * - `reset`: destroy the socket before the handler runs (nothing happens);
 * - `commitThenReset`: run the handler (its write happens), then destroy the socket instead of answering;
 * - `truncateBody`: send only part of the body (default half) then cut the connection;
 * - `malformedJson`: send syntactically broken JSON;
 * - `pageRepeat` / `pageSkip`: a list endpoint serves the previous page again / skips one page.
 */
export type FaultAction =
  | { kind: 'status'; status: number; retryAfter?: number | string; body?: unknown }
  | { kind: 'delay'; ms: number; after?: boolean }
  | { kind: 'reset' }
  | { kind: 'commitThenReset' }
  | { kind: 'truncateBody'; keepBytes?: number }
  | { kind: 'malformedJson' }
  | { kind: 'pageRepeat' }
  | { kind: 'pageSkip' };

/** The kind names of {@link FaultAction}. */
export type FaultKind = FaultAction['kind'];

/**
 * A fault rule. `path` is the full request path or a pattern with `:params` (e.g.
 * `/v1/requisitions/:id`); `method` omitted or `*` matches any. Firing: `nth` (1-based count of
 * matching calls since the rule was set; one number or a list), else `probability` (seeded RNG),
 * else every call. `times` caps how often it fires in total.
 */
export interface FaultRuleInput {
  method?: string;
  path: string;
  nth?: number | readonly number[];
  probability?: number;
  times?: number;
  action: FaultAction;
}

/** A stored rule with its id and counters (`calls` matched, `fired` applied). */
export interface FaultRule extends FaultRuleInput {
  readonly id: string;
  readonly calls: number;
  readonly fired: number;
}

/** The per-server set of fault rules. */
export interface FaultPlan {
  /** Validates and adds a rule (throws {@link HttpError} 400 on a bad rule); returns it with its id. */
  add(rule: FaultRuleInput): FaultRule;
  remove(id: string): boolean;
  clear(): void;
  list(): FaultRule[];
  /** Counts the call against every matching rule and returns the first action that fires. */
  match(method: string, path: string): FaultAction | undefined;
}

const KINDS: readonly FaultKind[] = [
  'status',
  'delay',
  'reset',
  'commitThenReset',
  'truncateBody',
  'malformedJson',
  'pageRepeat',
  'pageSkip',
];

/** Creates an empty fault plan; `random` decides probabilistic rules (pass a seeded one). */
export function createFaultPlan(random: Random): FaultPlan {
  let rules: { id: string; input: FaultRuleInput; calls: number; fired: number }[] = [];
  let nextId = 1;
  const view = (r: (typeof rules)[number]): FaultRule => ({ ...r.input, id: r.id, calls: r.calls, fired: r.fired });
  return {
    add(rule) {
      const input = validateRule(rule);
      const stored = { id: `fault-${nextId++}`, input, calls: 0, fired: 0 };
      rules.push(stored);
      return view(stored);
    },
    remove(id) {
      const before = rules.length;
      rules = rules.filter((r) => r.id !== id);
      return rules.length !== before;
    },
    clear() {
      rules = [];
    },
    list() {
      return rules.map(view);
    },
    match(method, path) {
      let chosen: FaultAction | undefined;
      for (const r of rules) {
        const m = r.input.method;
        if (m !== undefined && m !== '*' && m.toUpperCase() !== method.toUpperCase()) continue;
        if (!matchPattern(r.input.path, path)) continue;
        r.calls += 1;
        if (chosen || (r.input.times !== undefined && r.fired >= r.input.times)) continue;
        if (fires(r.input, r.calls, random)) {
          r.fired += 1;
          chosen = r.input.action;
        }
      }
      return chosen;
    },
  };
}

function fires(rule: FaultRuleInput, call: number, random: Random): boolean {
  if (rule.nth !== undefined) return typeof rule.nth === 'number' ? rule.nth === call : rule.nth.includes(call);
  if (rule.probability !== undefined) return random() < rule.probability;
  return true;
}

function validateRule(raw: unknown): FaultRuleInput {
  const bad = (why: string): HttpError => new HttpError(400, `Invalid fault rule: ${why}`);
  if (typeof raw !== 'object' || raw === null) throw bad('expected an object');
  const r = raw as Record<string, unknown>;
  if (typeof r['path'] !== 'string' || !r['path'].startsWith('/')) throw bad('path must start with /');
  if (r['method'] !== undefined && typeof r['method'] !== 'string') throw bad('method must be a string');
  const nth = r['nth'];
  if (nth !== undefined && !isPositiveInt(nth) && !(Array.isArray(nth) && nth.every(isPositiveInt)))
    throw bad('nth must be a positive integer or a list of them');
  const p = r['probability'];
  if (p !== undefined && (typeof p !== 'number' || p < 0 || p > 1)) throw bad('probability must be within 0..1');
  if (r['times'] !== undefined && !isPositiveInt(r['times'])) throw bad('times must be a positive integer');
  const a = r['action'];
  if (typeof a !== 'object' || a === null) throw bad('action is required');
  const action = a as Record<string, unknown>;
  const kind = action['kind'];
  if (typeof kind !== 'string' || !KINDS.includes(kind as FaultKind)) throw bad(`action.kind must be one of ${KINDS.join(', ')}`);
  if (kind === 'status' && !(isPositiveInt(action['status']) && (action['status'] as number) >= 100 && (action['status'] as number) <= 599))
    throw bad('status needs an HTTP status');
  if (kind === 'delay' && !(typeof action['ms'] === 'number' && action['ms'] >= 0)) throw bad('delay needs ms >= 0');
  return raw as FaultRuleInput;
}

function isPositiveInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0;
}
