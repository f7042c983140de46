import { describe, expect, it } from 'vitest';
import { metricNumber } from '../../../src/main/core/metrics/run-metrics.ts';

describe('a metric field value read from ChartHop', () => {
  it('is a number when ChartHop answers a number or a number in a string', () => {
    expect([metricNumber(3), metricNumber(0), metricNumber('3'), metricNumber(' 12 '), metricNumber('0')]).toEqual([3, 0, 3, 12, 0]);
  });

  it('is nothing when the field is empty or holds no number, so the job is written', () => {
    expect([
      metricNumber(''),
      metricNumber('   '),
      metricNumber('three'),
      metricNumber(null),
      metricNumber(undefined),
      metricNumber({}),
    ]).toEqual([null, null, null, null, null, null]);
  });
});
