/**
 * zod's findings as sentences a consultant can act on. A schema's own message is already one and
 * is kept as it is; zod's built-in text ("Too big: expected string to have <=4096 characters") never
 * reaches anyone: parsing with `plainErrorMap` marks those issues, and `issueSentence` words them
 * with the field's name ("The ChartHop org is too long: keep it to 80 characters or fewer.").
 */
import type { z } from 'zod';
import { optionLabel, OPTION_KEYS } from '../settings/options.ts';
import type { OptionKey } from '../settings/options.ts';
import { METRIC_KEYS, METRIC_LABELS } from '../settings/schema.ts';
import type { MetricKey } from '../settings/schema.ts';
import { listAnd } from '../text/wording.ts';

// An invisible separator: starts a fragment written by the error map below, never typed by a person.
const MARK = '\u2063';

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of settings',
  record: 'a group of settings',
};

function sizeFragment(issue: RawIssue, bound: 'maximum' | 'minimum'): string {
  const limit = Number((issue as { [key: string]: unknown })[bound]);
  const origin = String((issue as { origin?: unknown }).origin ?? '');
  const most = bound === 'maximum';
  if (origin === 'string') {
    if (!most && limit <= 1) return 'is empty: fill it in';
    const count = limit.toLocaleString('en-US');
    return most ? `is too long: keep it to ${count} characters or fewer` : `is too short: use at least ${count} characters`;
  }
  if (origin === 'array' || origin === 'set')
    return most ? `has too many entries: keep it to ${limit} or fewer` : `needs at least ${limit} entries`;
  return most ? `is too large: use at most ${limit}` : `is too small: use at least ${limit}`;
}

/** The end of a sentence for an issue zod would word itself; the subject comes from the issue's path. */
function fragment(issue: RawIssue): string {
  switch (issue.code) {
    case 'too_big':
      return sizeFragment(issue, 'maximum');
    case 'too_small':
      return sizeFragment(issue, 'minimum');
    case 'invalid_type':
      if (issue.input === undefined) return 'is missing: fill it in';
      return `must be ${KINDS[String(issue.expected)] ?? 'another kind of value'}`;
    case 'invalid_value':
      return `must be ${listOr(issue.values.map((value) => JSON.stringify(value)))}`;
    case 'unrecognized_keys':
      return `has settings ReqBridge does not know (${listAnd(issue.keys)}): remove them`;
    case 'invalid_format':
      return 'is not in the expected form';
    case 'invalid_union':
      return 'is not one of the accepted forms';
    default:
      return 'is not valid';
  }
}

function listOr(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

/**
 * The error map to parse user input with: schemas' own messages win over it, so only the issues
 * zod would word itself get a marked fragment, which `issueSentence` completes.
 */
export const plainErrorMap: z.core.$ZodErrorMap = (issue) => `${MARK}${fragment(issue)}`;

const NAMED_PATHS: Record<string, string> = {
  name: 'The profile name',
  id: 'The profile id',
  profileId: 'The profile id',
  copyFromId: 'The profile to copy',
  value: 'The pasted value',
  json: 'The profile file',
  allowHosts: 'The list of confirmed hosts',
  kind: 'The profile kind',
  sourceOfTruth: 'The source of truth',
  dailyRunTime: 'The daily run time',
  syncOnChangeIntervalSeconds: 'Sync On Change’s interval',
  'lever.environment': 'The Lever environment',
  'lever.baseUrl': 'The Lever API base URL',
  'charthop.baseUrl': 'The ChartHop base URL',
  'charthop.org': 'The ChartHop org',
  'webhook.tunnel': 'The tunnel choice',
  'webhook.publicUrl': 'The public address',
  'webhook.localtunnelHost': 'The localtunnel server',
  'webhook.localtunnelSubdomain': 'The localtunnel subdomain',
  'webhook.listenPort': 'The webhook listener’s port',
  'safety.maxCloseShare': 'The largest share of records a run may close or delete',
  mappings: 'The value mappings',
  options: 'The options',
  metricFields: 'The candidate metrics’ fields',
};

/** The field an issue is about, as the screens name it ("The ChartHop org"); a neutral subject when unknown. */
export function fieldName(path: readonly PropertyKey[]): string {
  const keys = path.map(String);
  // An export file's settings sit under "profile": named as the same settings.
  if (keys[0] === 'profile' && keys.length > 1) keys.shift();
  const joined = keys.join('.');
  const named = NAMED_PATHS[joined] ?? NAMED_PATHS[keys.slice(0, 2).join('.')];
  if (named) return named;
  const [head, key] = keys;
  if (head === 'options' && key && (OPTION_KEYS as readonly string[]).includes(key)) return `The ${optionLabel(key as OptionKey)} switch`;
  if (head === 'metricFields' && key && (METRIC_KEYS as readonly string[]).includes(key))
    return `The ChartHop field for ${METRIC_LABELS[key as MetricKey]}`;
  if (head === 'mappings') return 'A value mapping';
  if (head && NAMED_PATHS[head]) return NAMED_PATHS[head];
  return keys.length ? `The setting “${joined}”` : 'The input';
}

/**
 * One issue as a sentence: the schema's own message, or the field's name and what is wrong with it.
 * A schema's message about one of several like fields (a metric's field code) is led by the field's name.
 */
export function issueSentence(issue: Issue): string {
  if (issue.message.startsWith(MARK)) return `${fieldName(issue.path)} ${issue.message.slice(MARK.length)}.`;
  const name = fieldName(issue.path);
  const named = issue.message.toLowerCase().includes(name.replace(/^(The|A) /, '').toLowerCase());
  return issue.path.length >= 2 && !named ? `${name}: ${issue.message}` : issue.message;
}

/** Every issue as sentences, each once (a union can report the same one twice). */
export function issuesSentence(issues: readonly Issue[]): string {
  return [...new Set(issues.map(issueSentence))].join(' ');
}
