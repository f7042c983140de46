/**
 * zod at the boundary: every response body a client uses is parsed against a
 * schema (unknown fields tolerated). A body that does not match is a clear
 * error naming the endpoint and the field — never silently treated as empty.
 */
import type { z } from 'zod';
import { HttpFailure, VENDOR_LABEL } from './errors.ts';
import type { HttpRecorder } from './recorder.ts';
import { compareShape } from './shape.ts';
import type { Vendor } from './limiter-registry.ts';

/** `['data', 3, 'id']` → `data[3].id`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(the whole body)' : out;
}

/** The reason given if a failed parse named no issue (zod always names at least one). */
// Stryker disable next-line StringLiteral: a failed zod parse always carries at least one issue, so this is never shown
const NO_ISSUE_REASON = 'it does not match what ReqBridge expects';

/** Where an answer came from, and where its shape is reported. */
export interface ParseWhere {
  vendor: Vendor;
  endpoint: string;
  status?: number;
  /** Receives a `shape` event for every answer parsed (the shape record), with the clock's time. */
  shapes?: { recorder: HttpRecorder; now: number };
}

/**
 * Parses `value` with `schema` or throws an `unexpected_response` failure naming endpoint and field.
 * Either way the answer's shape is compared with the schema and reported first.
 */
export function parseResponse<S extends z.ZodType>(schema: S, value: unknown, where: ParseWhere): z.output<S> {
  if (where.shapes) {
    where.shapes.recorder.record({
      type: 'shape',
      vendor: where.vendor,
      endpoint: where.endpoint,
      at: where.shapes.now,
      findings: compareShape(schema, value),
    });
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // Stryker disable next-line StringLiteral: a failed zod parse always carries at least one issue, so this is never shown
  const field = issue ? formatIssuePath(issue.path) : '(unknown field)';
  const why = issue ? issue.message.replace(/^Invalid input: /, '') : NO_ISSUE_REASON;
  const more =
    result.error.issues.length > 1
      ? ` (and ${result.error.issues.length - 1} more problem${result.error.issues.length > 2 ? 's' : ''})`
      : '';
  const vendor = VENDOR_LABEL[where.vendor];
  return failUnexpected(
    where,
    `${vendor} sent an unexpected response to ${where.endpoint}: field ${field} — ${why}${more}. ReqBridge stopped instead of guessing; if ${vendor} changed its API, report this message.`,
  );
}

function failUnexpected(where: ParseWhere, message: string): never {
  throw new HttpFailure({
    vendor: where.vendor,
    kind: 'unexpected_response',
    endpoint: where.endpoint,
    status: where.status ?? null,
    message,
  });
}
