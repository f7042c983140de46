// Progress of long work as the UI shows it: a phase with a known total is throttled like any other
// but always reports its last item, and a phase that is not estimated never shows a time left.
import { describe, expect, it } from 'vitest';
import { createPhaseReporter } from '../../../src/main/core/sync/progress.ts';

type Phase = 'reading' | 'applying';

/** A reporter over a manual clock; `sent` collects [phase, done, total, etaSeconds]. */
function reporterOn(options: { etaAfter?: number } = {}) {
  let now = 0;
  const sent: Array<[Phase, number, number, number | null]> = [];
  const reporter = createPhaseReporter<Phase>(
    'reading',
    (c) => sent.push([c.phase, c.done, c.total, c.etaSeconds]),
    () => now,
    {
      etaPhases: ['applying'],
      ...options,
    },
  );
  return { reporter, sent, tick: (ms: number) => (now += ms) };
}

describe('phase progress with a known total', () => {
  it('sends records that finish close together at most every 250 ms, and always the last one', () => {
    const { reporter, sent, tick } = reporterOn();
    reporter.phase('applying', 10);
    for (let done = 1; done <= 10; done += 1) {
      tick(100);
      reporter.done(done, 10);
    }
    // 100 ms per record: the start, then every third record (300 ms later), then the last without waiting.
    expect(sent).toEqual([
      ['applying', 0, 10, null],
      ['applying', 3, 10, 1],
      ['applying', 6, 10, 0],
      ['applying', 9, 10, 0],
      ['applying', 10, 10, 0],
    ]);
  });

  it('never shows a time left in a phase that is not estimated, even once all its items are done', () => {
    const { reporter, sent, tick } = reporterOn();
    reporter.phase('reading', 3);
    for (let done = 1; done <= 3; done += 1) {
      tick(1_000);
      reporter.done(done, 3);
    }
    expect(sent).toEqual([
      ['reading', 0, 3, null],
      ['reading', 1, 3, null],
      ['reading', 2, 3, null],
      ['reading', 3, 3, null],
    ]);
  });

  it('says 0 s for the last item of a phase shorter than the records needed to judge the pace', () => {
    const { reporter, sent, tick } = reporterOn({ etaAfter: 5 });
    reporter.phase('applying', 2);
    tick(1_000);
    reporter.done(1, 2);
    tick(1_000);
    reporter.done(2, 2);
    expect(sent).toEqual([
      ['applying', 0, 2, null],
      ['applying', 1, 2, null],
      ['applying', 2, 2, 0],
    ]);
  });
});
