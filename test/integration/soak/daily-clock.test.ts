// The soak's Run Daily checker flags what it is there to flag: two runs on one local day, a day
// whose time passed while ReqBridge was awake with no run, and a run before the day's time; it
// reads local time through Intl, DST changes included, and lets a correct schedule pass.
import { describe, expect, it } from 'vitest';
import { awakeStretches, checkDailyRuns, drawDailyPlan, dueInstant, localParts } from '../../soak/daily-clock.ts';
import type { DailyPlan } from '../../soak/daily-clock.ts';
import { createPrng } from '../../soak/prng.ts';

const H = 3_600_000;
const BERLIN = 'Europe/Berlin';
// 2026-03-28 12:00 in Berlin (CET, UTC+1); DST starts the next night at 02:00 → 03:00.
const START = Date.UTC(2026, 2, 28, 11);

/** Awake from START for `hours`, then (optionally) asleep for `sleep` hours and awake `after` more. */
function plan(hours: number, sleep = 0, after = 0): DailyPlan {
  const ops = sleep > 0 ? [{ tick: hours * H }, { sleep: sleep * H }, { tick: after * H }] : [{ tick: hours * H }];
  return { timeZone: BERLIN, time: '06:00', lives: [{ start: START, ops, end: 'quit' }] };
}

describe('the soak Run Daily checker', () => {
  it('reads local days and due times in the plan zone, across the spring DST change', () => {
    expect(localParts(Date.UTC(2026, 2, 29, 0, 30), BERLIN)).toEqual({ day: '2026-03-29', minutes: 90 });
    // 02:30 does not exist on 2026-03-29 in Berlin: the first minute past it is 03:00 CEST (01:00 UTC).
    expect(dueInstant('2026-03-29', '02:30', BERLIN)).toBe(Date.UTC(2026, 2, 29, 1));
    expect(dueInstant('2026-03-29', '06:00', BERLIN)).toBe(Date.UTC(2026, 2, 29, 4));
  });

  it('passes one run per day at or after its time, and reports two runs, an early one and a missed one', () => {
    const due29 = Date.UTC(2026, 2, 29, 4);
    const due30 = Date.UTC(2026, 2, 30, 4);
    expect(checkDailyRuns(plan(48), [due29, due30])).toEqual([]);
    expect(checkDailyRuns(plan(48), [due29, due29 + H, due30])).toEqual(['2 daily runs on 2026-03-29 (Europe/Berlin, daily at 06:00)']);
    expect(checkDailyRuns(plan(48), [due29 - H, due30])[0]).toContain('before the day');
    expect(checkDailyRuns(plan(48), [due30])).toEqual([
      'no daily run on 2026-03-29 (Europe/Berlin, daily at 06:00), though ReqBridge was awake past that time',
    ]);
  });

  it('asks for the run a wake makes up, and none for a day slept through', () => {
    // Awake 12 h (to midnight), asleep 40 h (all of the 29th, waking 16:00 on the 30th), awake 2 h.
    const p = plan(12, 40, 2);
    expect(awakeStretches(p).map((s) => [s.from, s.to, s.first])).toEqual([
      [START, START + 12 * H, true],
      [START + 52 * H, START + 54 * H, false],
    ]);
    expect(checkDailyRuns(p, [START + 52 * H])).toEqual([]);
    expect(checkDailyRuns(p, [])).toEqual([
      'no daily run on 2026-03-30 (Europe/Berlin, daily at 06:00), though ReqBridge was awake past that time',
    ]);
  });

  it('asks no run on the first day when Run Daily is first seen after its time, even after a wake that day', () => {
    // Started at 12:00 (after 06:00), asleep 13:00–20:00, awake until the next day's 07:00.
    const p: DailyPlan = {
      timeZone: BERLIN,
      time: '06:00',
      lives: [{ start: START, ops: [{ tick: H }, { sleep: 7 * H }, { tick: 11 * H }], end: 'kill' }],
    };
    expect(checkDailyRuns(p, [Date.UTC(2026, 2, 29, 4)])).toEqual([]);
    expect(checkDailyRuns(p, [])).toEqual([
      'no daily run on 2026-03-29 (Europe/Berlin, daily at 06:00), though ReqBridge was awake past that time',
    ]);
  });

  it('draws the same plan for the same seed, with a sleep in every life', () => {
    expect(drawDailyPlan(createPrng(7))).toEqual(drawDailyPlan(createPrng(7)));
    for (let seed = 1; seed <= 20; seed += 1) {
      for (const life of drawDailyPlan(createPrng(seed), [1, 3]).lives) expect(life.ops.some((op) => 'sleep' in op)).toBe(true);
    }
  });
});
