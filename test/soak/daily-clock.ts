/**
 * Run Daily under a clock that jumps: the soak draws a time zone, a daily time and a start a day
 * or two before a DST change, then a few days of the computer's life — awake stretches (timers
 * fire as time passes), sleeps (the clock jumps forward, timers wait, then the wake) and restarts
 * of ReqBridge (killed, or quit). The checker holds the daily runs ReqBridge started against what
 * those days call for, with local time read through Intl (not ReqBridge's own date arithmetic):
 * never two runs on one local day, none before the day's time, and one on every day whose time
 * passed while ReqBridge was awake (with an hour's grace around a DST change), except the first
 * day when Run Daily was first seen after its time.
 */
import type { Prng } from './prng.ts';

/** One thing that happens to the computer: time passes awake, or it sleeps and wakes. */
export type ClockOp = { tick: number } | { sleep: number };

/** One life of the ReqBridge process: it starts at `start`, lives through `ops`, then is killed or quits. */
export interface Incarnation {
  start: number;
  ops: ClockOp[];
  end: 'kill' | 'quit';
}

/** A seed's Run Daily schedule. */
export interface DailyPlan {
  timeZone: string;
  /** The profile's daily time, "HH:MM" local. */
  time: string;
  lives: Incarnation[];
}

const HOUR = 3_600_000;

/** DST changes per zone (UTC instants), each a place to start the days around. */
const CHANGES: Record<string, number[]> = {
  'Europe/Berlin': [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)],
  'America/New_York': [Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 10, 1, 6)],
  'Australia/Sydney': [Date.UTC(2026, 3, 4, 16), Date.UTC(2026, 9, 3, 16)],
};

/** The daily times drawn: an ordinary morning, inside the hour a DST change skips or repeats, around midnight. */
const TIMES = ['06:00', '02:30', '00:15', '23:45', '03:00'];

/** Draws a plan: `lives` (min, max) lives over a few days, starting 10–40 hours before a DST change. */
export function drawDailyPlan(prng: Prng, lives: readonly [number, number] = [2, 3]): DailyPlan {
  const timeZone = prng.pick(Object.keys(CHANGES));
  const change = prng.pick(CHANGES[timeZone] ?? [0]);
  let now = change - prng.int(10, 40) * HOUR - prng.int(0, 59) * 60_000;
  const out: Incarnation[] = [];
  const count = prng.int(lives[0], lives[1]);
  for (let l = 0; l < count; l += 1) {
    const ops: ClockOp[] = [];
    const start = now;
    for (let i = prng.int(2, 4); i > 0; i -= 1) {
      // Every life sleeps at least once (its last op, if not before).
      const sleeps = (i === 1 && !ops.some((o) => 'sleep' in o)) || prng.chance(0.4);
      const op: ClockOp = sleeps
        ? { sleep: prng.int(2, 40) * HOUR + prng.int(0, 59) * 60_000 }
        : { tick: prng.int(1, 14) * HOUR + prng.int(0, 59) * 60_000 };
      ops.push(op);
      now += 'tick' in op ? op.tick : op.sleep;
    }
    // Between two lives the computer is off for a while (a restart, or a laptop closed after a crash).
    out.push({ start, ops, end: prng.chance(0.5) ? 'kill' : 'quit' });
    now += prng.int(0, 10) * HOUR;
  }
  return { timeZone, time: prng.pick(TIMES), lives: out };
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Local calendar day and minutes since local midnight of an instant in `timeZone`. */
export function localParts(ms: number, timeZone: string): { day: string; minutes: number } {
  let format = formats.get(timeZone);
  if (!format) {
    const twoDigits = { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const;
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', ...twoDigits, hourCycle: 'h23' });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(ms));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
  return { day: `${get('year')}-${get('month')}-${get('day')}`, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

/** The first instant (minute) of local day `day` whose local time is at or past `time`; null when the day has none. */
export function dueInstant(day: string, time: string, timeZone: string): number | null {
  const [h, m] = time.split(':').map(Number);
  const want = (h ?? 0) * 60 + (m ?? 0);
  const [y, mo, d] = day.split('-').map(Number);
  const utcDay = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1);
  // Local days lie within UTC-14h..UTC+14h of the UTC day: find the hour, then the minute.
  for (let hour = utcDay - 15 * HOUR; hour < utcDay + 39 * HOUR; hour += HOUR) {
    const end = localParts(hour + HOUR - 60_000, timeZone);
    if (end.day < day || (end.day === day && end.minutes < want)) continue;
    for (let t = hour; t < hour + HOUR; t += 60_000) {
      const p = localParts(t, timeZone);
      if (p.day === day && p.minutes >= want) return t;
    }
  }
  return null;
}

/** The awake stretches of a plan: [from, to], and whether `from` is a start or wake (when missed runs are made up). */
export function awakeStretches(plan: DailyPlan): { from: number; to: number; first: boolean }[] {
  const out: { from: number; to: number; first: boolean }[] = [];
  plan.lives.forEach((life, l) => {
    let from = life.start;
    let now = life.start;
    let first = l === 0;
    for (const op of life.ops) {
      if ('tick' in op) now += op.tick;
      else {
        out.push({ from, to: now, first });
        now += op.sleep;
        from = now;
        first = false;
      }
    }
    out.push({ from, to: now, first });
  });
  return out;
}

/** What is wrong with the daily runs started at `runs` (instants) under `plan`: one sentence per problem. */
export function checkDailyRuns(plan: DailyPlan, runs: readonly number[]): string[] {
  const problems: string[] = [];
  const tz = plan.timeZone;
  const byDay = new Map<string, number[]>();
  for (const at of runs) {
    const { day } = localParts(at, tz);
    byDay.set(day, [...(byDay.get(day) ?? []), at]);
    const due = dueInstant(day, plan.time, tz);
    if (due === null || at < due)
      problems.push(`a daily run started at ${new Date(at).toISOString()} (${tz}), before the day's ${plan.time}`);
  }
  for (const [day, list] of byDay) if (list.length > 1) problems.push(`${list.length} daily runs on ${day} (${tz}, daily at ${plan.time})`);
  // Run Daily seen for the first time after the day's time waits for the next morning: that day needs no run.
  const first = plan.lives[0];
  const firstDay = first ? localParts(first.start, tz).day : null;
  const firstDue = firstDay ? dueInstant(firstDay, plan.time, tz) : null;
  const exempt = first && firstDue !== null && first.start >= firstDue ? firstDay : null;
  for (const s of awakeStretches(plan)) {
    const days = new Set<string>();
    for (let t = s.from; t <= s.to + 24 * HOUR; t += HOUR) days.add(localParts(Math.min(t, s.to), tz).day);
    for (const day of days) {
      const due = dueInstant(day, plan.time, tz);
      if (due === null || byDay.has(day) || day === exempt) continue;
      // The time passed while awake (timer), or had passed at a wake or restart (made up), with an hour's grace.
      const byTimer = due > s.from && due + HOUR <= s.to;
      const madeUp = !s.first && localParts(s.from, tz).day === day && s.from >= due + HOUR;
      if (byTimer || madeUp)
        problems.push(`no daily run on ${day} (${tz}, daily at ${plan.time}), though ReqBridge was awake past that time`);
    }
  }
  return problems;
}
