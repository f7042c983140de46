/**
 * Postings following their requisition (architecture.md §3 "Outbound"): when
 * an outbound row changes a linked requisition's department, team or
 * location, the Lever postings linked to it get the same categories. The
 * planner decides which categories follow; applying reads each linked posting
 * live and writes only those that differ, so a retry or a re-run after a
 * crash converges without blind duplicate writes (a posting update is a
 * PUT-like replacement: re-sending it is harmless).
 *
 * Employment status is not followed: a posting's `commitment` is free text
 * chosen per account (e.g. "Full-time"), with no reliable mapping from the
 * requisition's `employmentStatus` (`full-time`), so commitment is left alone.
 * An emptied field in ChartHop is not followed either: a posting keeps its
 * category rather than losing it.
 */
import { AppError } from '../errors.ts';
import { HttpFailure, isHttpFailure } from '../http/errors.ts';
import type { LeverClient } from '../lever/client.ts';
import type { LeverPosting, LeverRequisition } from '../lever/schemas.ts';
import type { FieldKey, FieldValues } from './fields.ts';
import { FIELD_LABELS, sameValue } from './fields.ts';
import type { LeverChanges } from './outbound-map.ts';

/** The requisition fields a linked posting follows (field key = posting category). */
export const POSTING_FOLLOW_FIELDS = ['department', 'team', 'location'] as const;

/** A field a linked posting follows. */
export type PostingFollowField = (typeof POSTING_FOLLOW_FIELDS)[number];

/** The posting categories a row brings in line (only the fields that follow). */
export type PostingFollow = Partial<Record<PostingFollowField, string>>;

const isFollowField = (key: FieldKey): key is PostingFollowField => (POSTING_FOLLOW_FIELDS as readonly string[]).includes(key);

/**
 * The categories the linked postings should take for the `keys` a row writes (or already
 * wrote without confirmation), from the mapped Lever writes; null when none follow.
 */
export function postingFollowFor(keys: Iterable<FieldKey>, write: LeverChanges): PostingFollow | null {
  const follow: PostingFollow = {};
  for (const key of keys) {
    if (!isFollowField(key)) continue;
    const value = write[key];
    if (typeof value === 'string' && value.trim() !== '') follow[key] = value;
  }
  return Object.keys(follow).length > 0 ? follow : null;
}

/** The labels of the followed fields, for sentences ("Department, Team"). */
export function followLabels(follow: PostingFollow): string {
  return POSTING_FOLLOW_FIELDS.filter((k) => k in follow)
    .map((k) => FIELD_LABELS[k])
    .join(', ');
}

/**
 * Follow-up fields of a pair whose requisition already matches ChartHop but whose last
 * outbound sync was not confirmed (the requisition was written, its postings maybe not).
 */
export function pendingFollowKeys(desired: FieldValues, current: FieldValues, last: FieldValues | null): FieldKey[] {
  if (!last) return [];
  return POSTING_FOLLOW_FIELDS.filter(
    (k) => k in last && k in desired && sameValue(k, desired[k], current[k]) && !sameValue(k, desired[k], last[k]),
  );
}

/** What following did: the postings written, those already in line, and those Lever no longer has (404). */
export interface FollowResult {
  updated: string[];
  unchanged: string[];
  missing: string[];
}

function differs(posting: LeverPosting, follow: PostingFollow): boolean {
  const categories = posting.categories ?? {};
  return POSTING_FOLLOW_FIELDS.some((k) => follow[k] !== undefined && (categories[k] ?? null) !== follow[k]);
}

function failure(error: unknown, sentence: string): Error {
  const detail = error instanceof Error ? error.message : String(error);
  const message = `${sentence}: ${detail}`;
  if (isHttpFailure(error)) {
    return new HttpFailure({
      vendor: error.vendor,
      kind: error.kind,
      endpoint: error.endpoint,
      message,
      status: error.status,
      attempts: error.attempts,
      serverMessage: error.serverMessage,
    });
  }
  // Stryker disable next-line StringLiteral,ObjectLiteral: unreachable; the Lever client's reads and writes only throw its HttpFailure.
  return new AppError('sync.posting_follow_failed', message, { cause: error });
}

/** What following needs of the requisition: its code, postings and the users Lever can act as. */
export type FollowedRequisition = Pick<LeverRequisition, 'requisitionCode' | 'postings' | 'owner' | 'hiringManager'>;

/**
 * Brings the postings linked to `requisition` (its `postings` ids, which Lever derives from the
 * postings' `requisitionCodes`) in line with `follow`, acting as the requisition's owner or else
 * its hiring manager. Postings that already match are not written. Throws a sentence naming the
 * posting when one cannot be read or written (the requisition update stays).
 */
export async function followPostings(lever: LeverClient, requisition: FollowedRequisition, follow: PostingFollow): Promise<FollowResult> {
  const result: FollowResult = { updated: [], unchanged: [], missing: [] };
  const code = requisition.requisitionCode;
  for (const id of [...new Set(requisition.postings ?? [])]) {
    let posting: LeverPosting;
    try {
      posting = await lever.postings.get(id);
    } catch (error) {
      // A posting the requisition still lists but Lever no longer has: nothing to bring in line.
      if (isHttpFailure(error, 'not_found')) {
        result.missing.push(id);
        continue;
      }
      throw failure(
        error,
        `The requisition ${code} was updated, but its posting ${id} could not be read to bring its ${followLabels(follow)} in line`,
      );
    }
    if (!differs(posting, follow)) {
      result.unchanged.push(id);
      continue;
    }
    const performAs = requisition.owner ?? requisition.hiringManager ?? null;
    if (!performAs) {
      throw new AppError(
        'sync.posting_follow_failed',
        `The requisition ${code} was updated, but its posting "${posting.text}" was not: Lever needs a user to act as, and the requisition has no owner or hiring manager. Set one on the job in ChartHop.`,
      );
    }
    try {
      await lever.postings.update(id, { categories: { ...follow } }, { performAs });
    } catch (error) {
      throw failure(
        error,
        `The requisition ${code} was updated, but its posting "${posting.text}" could not be brought in line (${followLabels(follow)})`,
      );
    }
    result.updated.push(id);
  }
  return result;
}
