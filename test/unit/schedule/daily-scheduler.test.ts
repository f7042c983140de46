import { describe, expect, it } from 'vitest';
import { createDailyScheduler } from '../../../src/main/core/schedule/daily-scheduler.ts';
import type { DailySchedule } from '../../../src/main/core/schedule/daily-scheduler.ts';
import { isDailyRunDue, nextDailyRun } from '../../../src/main/core/schedule/daily-time.ts';
import { createManualSchedulerClock } from '../../support/manual-scheduler-clock.ts';

const HOUR = 3_600_000;
const logger = { debug() {}, info() {}, warn() {}, error() {} };

/** A local-time instant (the scheduler works in the machine's local time). */
const local = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min);

function setup(start: Date, schedules: DailySchedule[] = [{ profileId: 'acme', profileName: 'Acme', enabled: true, time: '06:00' }]) {
  const clock = createManualSchedulerClock(start);
  const days = new Map<string, string>();
  const runs: Array<{ profileId: string; reason: string; at: Date }> = [];
  const scheduler = createDailyScheduler({
    clock,
    schedules: () => schedules,
    lastRun: { get: (id) => days.get(id) ?? null, set: (id, day) => void days.set(id, day) },
    runDaily: async (profileId, reason) => void runs.push({ profileId, reason, at: clock.now() }),
    logger,
  });
  return { clock, scheduler, runs, days };
}

describe('daily run time arithmetic', () => {
  it("finds the next local run and whether today's is due", () => {
    expect(nextDailyRun(local(2026, 3, 1, 5, 59), '06:00')).toEqual(local(2026, 3, 1, 6, 0));
    expect(nextDailyRun(local(2026, 3, 1, 6, 0), '06:00')).toEqual(local(2026, 3, 2, 6, 0));
    expect(isDailyRunDue(local(2026, 3, 1, 5, 0), '06:00', null)).toBe(false);
    expect(isDailyRunDue(local(2026, 3, 1, 7, 0), '06:00', '2026-02-27')).toBe(true);
    expect(isDailyRunDue(local(2026, 3, 1, 7, 0), '06:00', '2026-03-01')).toBe(false);
  });
});

describe('Run Daily scheduler (fake clock)', () => {
  it('a process alive across two days runs exactly twice, at 06:00 each day', () => {
    const { clock, scheduler, runs } = setup(local(2026, 3, 1, 0, 0));
    scheduler.start();
    expect(runs).toHaveLength(0);
    clock.advance(48 * HOUR);
    expect(runs.map((r) => [r.reason, r.at.getTime()])).toEqual([
      ['scheduled', local(2026, 3, 1, 6).getTime()],
      ['scheduled', local(2026, 3, 2, 6).getTime()],
    ]);
  });

  it('a laptop asleep from 05:00 to 11:00 runs once on resume, and not again that day', () => {
    const { clock, scheduler, runs } = setup(local(2026, 3, 1, 4, 0));
    scheduler.start();
    clock.advance(1 * HOUR); // 05:00, then the lid closes
    clock.jump(6 * HOUR); // 11:00: timers did not fire while asleep
    scheduler.resume();
    expect(runs.map((r) => r.reason)).toEqual(['catch-up']);
    clock.advance(12 * HOUR); // the stale timer and the rest of the day
    expect(runs).toHaveLength(1);
    clock.advance(12 * HOUR); // next morning
    expect(runs.map((r) => r.reason)).toEqual(['catch-up', 'scheduled']);
  });

  it('asleep for three days → one catch-up run, not three', () => {
    const { clock, scheduler, runs } = setup(local(2026, 3, 1, 4, 0));
    scheduler.start();
    clock.jump(3 * 24 * HOUR + 8 * HOUR); // asleep from 04:00 on the 1st to 12:00 on the 4th
    scheduler.resume();
    scheduler.resume();
    expect(runs.map((r) => [r.reason, r.at.getTime()])).toEqual([['catch-up', local(2026, 3, 4, 12).getTime()]]);
  });

  it('turning Run Daily on (or a first launch) after the time waits for the next morning', () => {
    const { clock, scheduler, runs } = setup(local(2026, 3, 1, 10, 0));
    scheduler.start();
    scheduler.resume();
    expect(runs).toEqual([]);
    clock.advance(20 * HOUR);
    expect(runs.map((r) => [r.reason, r.at.getTime()])).toEqual([['scheduled', local(2026, 3, 2, 6).getTime()]]);
  });

  it('a restart on a day that already ran does not run again; each profile keeps its own time', () => {
    const schedules = [
      { profileId: 'acme', profileName: 'Acme', enabled: true, time: '06:00' },
      { profileId: 'globex', profileName: 'Globex', enabled: true, time: '09:30' },
      { profileId: 'off', profileName: 'Off', enabled: false, time: '06:00' },
    ];
    const first = setup(local(2026, 3, 1, 5, 0), schedules);
    first.scheduler.start();
    first.clock.advance(5 * HOUR);
    expect(first.runs.map((r) => r.profileId).sort()).toEqual(['acme', 'globex']);
    expect(first.scheduler.nextRuns().map((n) => [n.profileId, n.at.getTime()])).toEqual([
      ['acme', local(2026, 3, 2, 6).getTime()],
      ['globex', local(2026, 3, 2, 9, 30).getTime()],
    ]);
    first.scheduler.stop();
    // Same day, new process with the persisted last-run days.
    const second = createManualSchedulerClock(local(2026, 3, 1, 11, 0));
    const again: string[] = [];
    const scheduler = createDailyScheduler({
      clock: second,
      schedules: () => schedules,
      lastRun: { get: (id) => first.days.get(id) ?? null, set: () => {} },
      runDaily: async (id) => void again.push(id),
      logger,
    });
    scheduler.start();
    expect(again).toEqual([]);
  });

  it('a start after a missed morning catches up once; starting again the same day runs nothing', () => {
    // Last run yesterday; the laptop was off at 06:00 and the app starts at 11:00.
    const first = setup(local(2026, 3, 2, 11, 0));
    first.days.set('acme', '2026-03-01');
    first.scheduler.start();
    expect(first.runs.map((r) => [r.profileId, r.reason, r.at.getTime()])).toEqual([['acme', 'catch-up', local(2026, 3, 2, 11).getTime()]]);
    expect(first.days.get('acme')).toBe('2026-03-02');
    first.clock.advance(12 * HOUR); // the rest of the day: nothing more
    expect(first.runs).toHaveLength(1);
    first.scheduler.stop();

    // The app quits and starts again at 15:00 the same day, with the persisted last-run day.
    const clock = createManualSchedulerClock(local(2026, 3, 2, 15, 0));
    const again: string[] = [];
    const scheduler = createDailyScheduler({
      clock,
      schedules: () => [{ profileId: 'acme', profileName: 'Acme', enabled: true, time: '06:00' }],
      lastRun: { get: (id) => first.days.get(id) ?? null, set: (id, day) => void first.days.set(id, day) },
      runDaily: async (id, reason) => void again.push(`${id}:${reason}`),
      logger,
    });
    scheduler.start();
    expect(again).toEqual([]);
    clock.advance(15 * HOUR + 1); // next morning, 06:00
    expect(again).toEqual(['acme:scheduled']);
  });

  it("two profiles with the same daily time both run: the first one's timer re-arming the others does not skip their day", () => {
    const schedules = [
      { profileId: 'acme', profileName: 'Acme', enabled: true, time: '06:00' },
      { profileId: 'globex', profileName: 'Globex', enabled: true, time: '06:00' },
    ];
    const { clock, scheduler, runs } = setup(local(2026, 3, 1, 5, 0), schedules);
    scheduler.start();
    clock.advance(2 * HOUR);
    expect(runs.map((r) => [r.profileId, r.reason, r.at.getTime()])).toEqual([
      ['acme', 'scheduled', local(2026, 3, 1, 6).getTime()],
      ['globex', 'scheduled', local(2026, 3, 1, 6).getTime()],
    ]);
    clock.advance(24 * HOUR);
    expect(runs.filter((r) => r.at.getTime() === local(2026, 3, 2, 6).getTime()).map((r) => r.profileId)).toEqual(['acme', 'globex']);
  });

  it("a timer that fires late, past another profile's time, runs that profile too instead of moving it to tomorrow", () => {
    const schedules = [
      { profileId: 'acme', profileName: 'Acme', enabled: true, time: '06:00' },
      { profileId: 'globex', profileName: 'Globex', enabled: true, time: '06:01' },
    ];
    const { clock, scheduler, runs } = setup(local(2026, 3, 1, 5, 0), schedules);
    scheduler.start();
    // A busy event loop: Acme's 06:00 timer runs at 06:02, after Globex's 06:01 came due.
    clock.jump(62 * 60_000);
    clock.advance(0);
    expect(runs.map((r) => [r.profileId, r.at.getTime()])).toEqual([
      ['acme', local(2026, 3, 1, 6, 2).getTime()],
      ['globex', local(2026, 3, 1, 6, 2).getTime()],
    ]);
    clock.advance(3 * HOUR);
    expect(runs).toHaveLength(2);
  });

  it('paused schedules do not run and show no next run; unpausing catches up once', () => {
    const { clock, scheduler, runs } = setup(local(2026, 3, 1, 5, 0));
    scheduler.start();
    scheduler.setPaused(true);
    clock.advance(2 * HOUR);
    expect(runs).toHaveLength(0);
    expect(scheduler.nextRuns()).toEqual([]);
    scheduler.setPaused(false);
    expect(runs.map((r) => r.reason)).toEqual(['catch-up']);
  });
});
