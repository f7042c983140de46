/**
 * Turns `key=value` arguments into a settings patch: dotted keys make nested
 * objects (`options.runDaily=true`), `true`/`false` become booleans and plain
 * numbers become numbers.
 */
import { AppError } from '../core/errors.ts';

function parseValue(text: string): unknown {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/** Build a nested patch from `key=value` assignments. */
export function assignmentsToPatch(assignments: readonly string[]): Record<string, unknown> {
  if (assignments.length === 0) throw new AppError('cli.usage', 'Give at least one key=value, for example: options.runDaily=true');
  const patch: Record<string, unknown> = {};
  for (const assignment of assignments) {
    const at = assignment.indexOf('=');
    if (at <= 0) throw new AppError('cli.usage', `"${assignment}" is not key=value. Example: sourceOfTruth=lever`);
    const path = assignment.slice(0, at).split('.');
    if (path.some((part) => !/^[A-Za-z][A-Za-z0-9]*$/.test(part)))
      throw new AppError('cli.usage', `"${assignment.slice(0, at)}" is not a settings key. See: reqbridge profile show NAME`);
    let target = patch;
    for (const part of path.slice(0, -1)) {
      const next = target[part];
      target = (next && typeof next === 'object' ? next : (target[part] = {})) as Record<string, unknown>;
    }
    target[path.at(-1)!] = parseValue(assignment.slice(at + 1));
  }
  return patch;
}
