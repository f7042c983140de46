// What a consultant reads when a vendor's answer does not match the expected shape: the whole sentence
// names the vendor, endpoint, first bad field (or the whole body), zod's reason and how many more
// problems there are; and every parsed answer's shape is reported to the recorder first.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpFailure } from '../../../src/main/core/http/errors.ts';
import { createHttpRecorder } from '../../../src/main/core/http/recorder.ts';
import { formatIssuePath, parseResponse, type ParseWhere } from '../../../src/main/core/http/schema.ts';
import { compareShape } from '../../../src/main/core/http/shape.ts';

const WHERE: ParseWhere = { vendor: 'charthop', endpoint: 'GET /v2/org/:org/job', status: 200 };

function failureOf(schema: z.ZodType, value: unknown, where: ParseWhere = WHERE): HttpFailure {
  try {
    parseResponse(schema, value, where);
  } catch (error) {
    if (error instanceof HttpFailure) return error;
    throw error;
  }
  throw new Error('the answer was accepted');
}

const job = z.object({ id: z.string(), title: z.string(), open: z.boolean(), seats: z.number() });

describe('a field path', () => {
  it('reads like code, and names the whole body when empty', () => {
    expect(formatIssuePath(['data', 3, 'id'])).toBe('data[3].id');
    expect(formatIssuePath([])).toBe('(the whole body)');
  });
});

describe('an unexpected response', () => {
  it('names the whole body when the answer is not even an object', () => {
    const error = failureOf(job, 'Service maintenance');
    expect(error.message).toBe(
      'ChartHop sent an unexpected response to GET /v2/org/:org/job: field (the whole body) — expected object, received string. ReqBridge stopped instead of guessing; if ChartHop changed its API, report this message.',
    );
    expect(error.code).toBe('charthop.unexpected_response');
    expect(error.status).toBe(200);
  });

  it('with one problem says nothing about more', () => {
    const error = failureOf(job, { id: 'j1', title: 'CFO', open: true, seats: '2' });
    expect(error.message).toBe(
      'ChartHop sent an unexpected response to GET /v2/org/:org/job: field seats — expected number, received string. ReqBridge stopped instead of guessing; if ChartHop changed its API, report this message.',
    );
  });

  it('with two problems counts one more problem', () => {
    const error = failureOf(job, { id: 'j1', title: 7, open: true, seats: '2' });
    expect(error.message).toBe(
      'ChartHop sent an unexpected response to GET /v2/org/:org/job: field title — expected string, received number (and 1 more problem). ReqBridge stopped instead of guessing; if ChartHop changed its API, report this message.',
    );
  });

  it('with three or more problems counts them in the plural', () => {
    const three = failureOf(job, { id: 1, title: 7, open: true, seats: '2' });
    expect(three.message).toBe(
      'ChartHop sent an unexpected response to GET /v2/org/:org/job: field id — expected string, received number (and 2 more problems). ReqBridge stopped instead of guessing; if ChartHop changed its API, report this message.',
    );
    const four = failureOf(job, { id: 1, title: 7, open: 'yes', seats: '2' }, { vendor: 'lever', endpoint: 'GET /postings' });
    expect(four.message).toBe(
      'Lever sent an unexpected response to GET /postings: field id — expected string, received number (and 3 more problems). ReqBridge stopped instead of guessing; if Lever changed its API, report this message.',
    );
    expect(four.status).toBeNull();
  });

  it("quotes a schema's own reason whole, dropping zod's generic prefix only at its start", () => {
    const code = z.object({ code: z.string().refine((v) => v.startsWith('R-'), 'code is odd. Invalid input: a code starts with R-') });
    expect(failureOf(code, { code: 'X-1' }, { vendor: 'lever', endpoint: 'GET /requisitions' }).message).toBe(
      'Lever sent an unexpected response to GET /requisitions: field code — code is odd. Invalid input: a code starts with R-. ReqBridge stopped instead of guessing; if Lever changed its API, report this message.',
    );
  });
});

describe('the shape of a parsed answer', () => {
  it('is recorded at the clock time for a good answer and for a bad one', () => {
    const recorder = createHttpRecorder();
    const good = { id: 'j1', title: 'CFO', open: true, seats: 2, extra: 'x' };
    expect(parseResponse(job, good, { ...WHERE, shapes: { recorder, now: 1_000 } })).toEqual({
      id: 'j1',
      title: 'CFO',
      open: true,
      seats: 2,
    });
    const bad = { id: 'j1' };
    expect(() => parseResponse(job, bad, { ...WHERE, shapes: { recorder, now: 2_000 } })).toThrow(HttpFailure);
    expect(recorder.events()).toEqual([
      { type: 'shape', vendor: 'charthop', endpoint: 'GET /v2/org/:org/job', at: 1_000, findings: compareShape(job, good) },
      { type: 'shape', vendor: 'charthop', endpoint: 'GET /v2/org/:org/job', at: 2_000, findings: compareShape(job, bad) },
    ]);
    expect(compareShape(job, bad)).not.toEqual([]);
  });
});
