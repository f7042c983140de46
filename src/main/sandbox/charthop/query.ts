// The subset of Carrot (CQL) the fake accepts in `q=`:
//   field:value   contains, case-insensitive (ids and numbers: equal)
//   field=value   equal, case-insensitive; `field=null` matches a missing value
//   field!=value  not equal;  field<v, <=, >, >=  numeric or lexical (dates)
//   a && b, a and b, a AND b;  a || b, a or b;  !a;  ( … )
// Values are bare words or quoted with ' or ". Case-insensitive matching is
// our choice: the reference says field codes are case-insensitive and that
// enum wire values should be read case-insensitively; values are not pinned.
import { badRequest } from './errors.ts';

/** Comparison operators. */
export type QueryOp = ':' | '=' | '!=' | '<' | '<=' | '>' | '>=';

/** A parsed `q` expression. */
export type QueryNode =
  | { kind: 'and' | 'or'; left: QueryNode; right: QueryNode }
  | { kind: 'not'; node: QueryNode }
  | { kind: 'cmp'; field: string; op: QueryOp; value: string; isNull: boolean };

/** A reference value (group, person, job): matches on any of its keys, renders as its id. */
export interface QueryRef {
  readonly refId: string;
  readonly matchKeys: readonly string[];
}

/** True for a {@link QueryRef}. */
export function isQueryRef(value: unknown): value is QueryRef {
  return typeof value === 'object' && value !== null && 'refId' in value && 'matchKeys' in value;
}

const OPS: QueryOp[] = ['<=', '>=', '!=', '=', '<', '>', ':'];

/** Parses a `q` expression; throws a 400 on bad syntax. */
export function parseQuery(input: string): QueryNode {
  let i = 0;
  const fail = (what: string): never => {
    throw badRequest(`invalid query "${input}": ${what} at position ${i}`);
  };
  const ws = (): void => {
    while (i < input.length && /\s/.test(input[i] as string)) i += 1;
  };
  const word = (w: string): boolean => {
    if (input.slice(i, i + w.length).toLowerCase() !== w) return false;
    const after = input[i + w.length];
    if (after !== undefined && !/[\s(!]/.test(after)) return false;
    i += w.length;
    return true;
  };
  const binary = (kind: 'and' | 'or', symbol: string, next: () => QueryNode): QueryNode => {
    let left = next();
    for (;;) {
      ws();
      if (input.startsWith(symbol, i)) i += symbol.length;
      else if (!word(kind)) return left;
      left = { kind, left, right: next() };
    }
  };
  const parseOr = (): QueryNode => binary('or', '||', parseAnd);
  const parseAnd = (): QueryNode => binary('and', '&&', parseUnary);
  const parseUnary = (): QueryNode => {
    ws();
    if (input[i] === '!' && input[i + 1] !== '=') {
      i += 1;
      return { kind: 'not', node: parseUnary() };
    }
    if (input[i] === '(') {
      i += 1;
      const node = parseOr();
      ws();
      if (input[i] !== ')') fail('expected )');
      i += 1;
      return node;
    }
    return parseComparison();
  };
  const parseComparison = (): QueryNode => {
    const field = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(input.slice(i))?.[0] ?? fail('expected a field code');
    i += field.length;
    ws();
    const op = OPS.find((candidate) => input.startsWith(candidate, i)) ?? fail('expected an operator');
    i += op.length;
    if (op === '=' && input[i] === '=') i += 1;
    ws();
    const quote = input[i];
    let value: string;
    let isNull = false;
    if (quote === '"' || quote === "'") {
      let out = '';
      i += 1;
      while (i < input.length && input[i] !== quote) {
        if (input[i] === '\\' && i + 1 < input.length) i += 1;
        out += input[i];
        i += 1;
      }
      if (input[i] !== quote) fail('unterminated string');
      i += 1;
      value = out;
    } else {
      value = /^[^\s()&|]+/.exec(input.slice(i))?.[0] ?? fail('expected a value');
      i += value.length;
      isNull = value.toLowerCase() === 'null';
    }
    return { kind: 'cmp', field, op, value, isNull };
  };
  const node = parseOr();
  ws();
  if (i < input.length) fail('unexpected text');
  return node;
}

function flatten(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (value === undefined || value === null || value === '') return [];
  return [value];
}

function keysOf(value: unknown): string[] {
  if (isQueryRef(value)) return [value.refId, ...value.matchKeys];
  if (typeof value === 'object') return [JSON.stringify(value)];
  return [String(value)];
}

function compare(a: unknown, b: string): number | undefined {
  const left = isQueryRef(a) ? a.refId : a;
  if (typeof left === 'number') {
    const n = Number(b);
    return Number.isNaN(n) ? undefined : left - n;
  }
  if (typeof left !== 'string') return undefined;
  return left < b ? -1 : left > b ? 1 : 0;
}

function matches(field: string, op: QueryOp, values: unknown[], target: string): boolean {
  const want = target.toLowerCase();
  const exactOnly = /id$/i.test(field);
  switch (op) {
    case ':':
      return values.some((v) =>
        keysOf(v).some((k) => {
          const key = k.toLowerCase();
          return exactOnly || typeof v === 'number' || typeof v === 'boolean' ? key === want : key.includes(want);
        }),
      );
    case '=':
      return values.some((v) => keysOf(v).some((k) => k.toLowerCase() === want));
    case '!=':
      return !values.some((v) => keysOf(v).some((k) => k.toLowerCase() === want));
    default: {
      return values.some((v) => {
        const c = compare(v, target);
        if (c === undefined) return false;
        return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
      });
    }
  }
}

/** Evaluates `node` for one row; `resolve` returns the row's value for a field path. */
export function evaluateQuery(node: QueryNode, resolve: (field: string) => unknown): boolean {
  switch (node.kind) {
    case 'and':
      return evaluateQuery(node.left, resolve) && evaluateQuery(node.right, resolve);
    case 'or':
      return evaluateQuery(node.left, resolve) || evaluateQuery(node.right, resolve);
    case 'not':
      return !evaluateQuery(node.node, resolve);
    case 'cmp': {
      const values = flatten(resolve(node.field));
      if (node.isNull && (node.op === '=' || node.op === ':')) return values.length === 0;
      if (node.isNull && node.op === '!=') return values.length > 0;
      return matches(node.field, node.op, values, node.value);
    }
  }
}

/** Field paths a query reads (for validating field codes before evaluating). */
export function queryFields(node: QueryNode): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...queryFields(node.left), ...queryFields(node.right)];
    case 'not':
      return queryFields(node.node);
    case 'cmp':
      return [node.field];
  }
}
