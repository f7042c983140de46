/** `reqbridge runs --kind K --trigger T --status S --search TEXT`: the Runs list's filters from the command line, each checked with a sentence. */
import type { RunListFilter } from '../../../shared/api/run-filter.ts';
import { RUN_LIST_KINDS, RUN_STATUSES, RUN_TRIGGERS } from '../../../shared/api/run-filter.ts';
import { AppError } from '../../core/errors.ts';

/** The filter options as typed (absent when not given). */
export interface RunsFilterArgs {
  kind?: string | undefined;
  trigger?: string | undefined;
  status?: string | undefined;
  search?: string | undefined;
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new AppError('cli.usage', `--${option} takes one of ${allowed.join(', ')} (not "${value}"). See the list with: reqbridge runs`);
}

/** The `runs:list` filter of the options, or undefined when none is given; an unknown value is refused with the ones allowed. */
export function runsFilterOf(args: RunsFilterArgs): RunListFilter | undefined {
  const filter: RunListFilter = {};
  const kind = oneOf('kind', args.kind, RUN_LIST_KINDS);
  const trigger = oneOf('trigger', args.trigger, RUN_TRIGGERS);
  const status = oneOf('status', args.status, RUN_STATUSES);
  if (kind) filter.kind = kind;
  if (trigger) filter.trigger = trigger;
  if (status) filter.status = status;
  if (args.search !== undefined) {
    if (args.search.length > 200) throw new AppError('cli.usage', '--search takes at most 200 characters.');
    filter.search = args.search;
  }
  return Object.keys(filter).length > 0 ? filter : undefined;
}
