import { describe, expect, it } from 'vitest';
import { ChartHopError } from '../../../src/main/sandbox/charthop/errors.ts';
import { evaluateQuery, parseQuery, queryFields } from '../../../src/main/sandbox/charthop/query.ts';

const row = (values: Record<string, unknown>) => (field: string) => values[field];
const matches = (q: string, values: Record<string, unknown>): boolean => evaluateQuery(parseQuery(q), row(values));

describe('ChartHop q language', () => {
  const open = {
    open: 'open',
    title: 'Senior Backend Engineer',
    jobId: '64b0c0ffee0000000000a001',
    applyActive: 12,
    startDate: '2025-03-01',
  };
  const filled = {
    open: 'filled',
    title: 'Director of Engineering',
    jobId: '64b0c0ffee0000000000a002',
    applyActive: 0,
    startDate: '2019-06-01',
  };

  it('open:filled and open:open select complementary rows', () => {
    expect(matches('open:filled', filled)).toBe(true);
    expect(matches('open:filled', open)).toBe(false);
    expect(matches('open:open', open)).toBe(true);
    expect(matches('open:open', filled)).toBe(false);
    expect(matches('!open:filled', open)).toBe(true);
  });

  it('jobId:<id> matches the id exactly, not a prefix', () => {
    expect(matches('jobId:64b0c0ffee0000000000a001', open)).toBe(true);
    expect(matches('jobId:64b0c0ffee0000000000a00', open)).toBe(false);
  });

  it('field:substring is a case-insensitive contains; field=value is exact', () => {
    expect(matches('title:backend', open)).toBe(true);
    expect(matches('title:director', open)).toBe(false);
    expect(matches('title="Director of Engineering"', filled)).toBe(true);
    expect(matches("title='director of engineering'", filled)).toBe(true);
    expect(matches('title=Director', filled)).toBe(false);
    expect(matches('title!=Director', filled)).toBe(true);
  });

  it('combines with &&, and, AND, ||, or and parentheses', () => {
    expect(matches('open:open && title:engineer', open)).toBe(true);
    expect(matches('open:open && title:director', open)).toBe(false);
    expect(matches('open:open and title:engineer', open)).toBe(true);
    expect(matches('open:filled AND title:director', filled)).toBe(true);
    expect(matches('title:director || title:backend', open)).toBe(true);
    expect(matches('open:filled or (open:open && applyActive>10)', open)).toBe(true);
    expect(matches('!(open:open && applyActive>20)', open)).toBe(true);
  });

  it('compares numbers numerically and dates lexically', () => {
    expect(matches('applyActive>=12', open)).toBe(true);
    expect(matches('applyActive>12', open)).toBe(false);
    expect(matches("startDate<'2020-01-01'", filled)).toBe(true);
    expect(matches("startDate<'2020-01-01'", open)).toBe(false);
  });

  it('field=null matches a missing value', () => {
    expect(matches('req=null', open)).toBe(true);
    expect(matches('req!=null', { req: 'ENG-1' })).toBe(true);
  });

  it('matches any element of a list value', () => {
    expect(matches('groupIds:g2', { groupIds: ['g1', 'g2'] })).toBe(true);
    expect(matches('groupIds:g3', { groupIds: ['g1', 'g2'] })).toBe(false);
  });

  it('lists the fields a query reads', () => {
    expect(queryFields(parseQuery('open:open && (title:a || req=b)'))).toEqual(['open', 'title', 'req']);
  });

  it.each(['open:', 'open:open &&', '(open:open', ':x', 'title:"unterminated', 'open:open )'])('rejects %j with a 400', (q) => {
    let error: unknown;
    try {
      parseQuery(q);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChartHopError);
    expect((error as ChartHopError).status).toBe(400);
  });
});
