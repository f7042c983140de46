/**
 * Executing one planned operation against the systems, and the link changes
 * it leaves behind. Creates are idempotent by natural key (requisition code
 * in Lever, `leverReqId` in ChartHop); Lever updates read, merge and write
 * the whole record (PUT replaces); ChartHop updates are PATCHes of field
 * codes. A requisition update may be followed by its linked postings'
 * categories (posting-follow.ts: read live, written only when they differ).
 * Every step here is safe to repeat after a crash.
 */
import type { ChartHopClient } from '../charthop/client.ts';
import { isHttpFailure } from '../http/errors.ts';
import type { LeverClient } from '../lever/client.ts';
import type { LeverRequisition } from '../lever/schemas.ts';
import { mergedInput } from './lever-writes.ts';
import type { LinkWrite } from './links-store.ts';
import type { CreatedRecord } from './journal.ts';
import { followLabels, followPostings } from './posting-follow.ts';
import type { FollowedRequisition } from './posting-follow.ts';
import type { RowOp } from './plan-types.ts';
import { executeUndoOp } from './undo/undo-ops.ts';

/** The clients and the hook an operation runs with. */
export interface OpContext {
  lever: LeverClient;
  charthop: ChartHopClient;
  /** Called after the first remote write, before any follow-up write (a crash point). */
  afterWrite(): Promise<void>;
  /** Records the id a create's answer carried, before anything else is read or written. */
  created(record: CreatedRecord): void;
}

/** What an operation changed in the links, and a small result for the journal. */
export interface OpEffect {
  link?: LinkWrite;
  unlinkRequisition?: string;
  result: Record<string, unknown>;
  /** Set when the operation did something else than planned (e.g. closed instead of deleted). */
  note?: string;
  /** Odd data met while applying, the record written all the same (e.g. a linked posting that is gone). */
  warnings?: string[];
}

async function getOrNull(lever: LeverClient, id: string): Promise<LeverRequisition | null> {
  try {
    return await lever.requisitions.get(id);
  } catch (error) {
    if (isHttpFailure(error, 'not_found')) return null;
    throw error;
  }
}

/** An operation whose first write is done; `complete` does the rest (for most kinds, nothing is left). */
export interface StartedOp {
  complete(): Promise<OpEffect>;
}

/**
 * Starts `op`: a requisition create sends its Lever write and records the id, and leaves the ChartHop
 * write-back to `complete`, so the next record's Lever write need not wait on ChartHop (apply-rows.ts
 * runs the completions in a lane of their own). Every other kind runs whole here. Throws the client's
 * error when a call fails; so does `complete`.
 */
export async function startOp(op: RowOp, ctx: OpContext): Promise<StartedOp> {
  if (op.kind !== 'lever.create') {
    const effect = await executeOp(op, ctx);
    return { complete: () => Promise.resolve(effect) };
  }
  const { id, outcome } = await ctx.lever.requisitions.createId(op.input);
  ctx.created({ requisitionId: id });
  await ctx.afterWrite();
  return {
    async complete() {
      await ctx.charthop.jobs.update(op.jobId, { ...op.writeBack, leverReqId: id });
      return {
        link: { jobId: op.jobId, requisitionId: id, code: op.code, createdByReqBridge: true, synced: op.synced, direction: 'outbound' },
        result: { requisitionId: id, outcome },
      };
    },
  };
}

/** Runs `op` whole; throws the client's error when a call fails. */
export async function executeOp(op: RowOp, ctx: OpContext): Promise<OpEffect> {
  const { lever, charthop } = ctx;
  switch (op.kind) {
    case 'lever.create':
      return (await startOp(op, ctx)).complete();
    case 'lever.update': {
      // Read-merge-write (a PUT resets what it omits); the record as written is the merge, not re-read.
      let written: FollowedRequisition | null = null;
      if (Object.keys(op.changes).length > 0) {
        const current = await lever.requisitions.get(op.requisitionId);
        const input = mergedInput(current, op.changes);
        await lever.requisitions.put(op.requisitionId, input);
        written = {
          requisitionCode: input.requisitionCode,
          postings: current.postings ?? [],
          owner: input.owner ?? null,
          hiringManager: input.hiringManager ?? null,
        };
        await ctx.afterWrite();
      }
      // Postings follow the requisition as now in Lever; a failure fails the row, the update stays.
      const followed = op.postings
        ? await followPostings(lever, written ?? (await lever.requisitions.get(op.requisitionId)), op.postings)
        : null;
      if (op.writeBack) await charthop.jobs.update(op.jobId, op.writeBack);
      const n = followed?.updated.length ?? 0;
      const missing = followed?.missing ?? [];
      return {
        link: { jobId: op.jobId, requisitionId: op.requisitionId, code: op.code, synced: op.synced, direction: 'outbound' },
        result: {
          requisitionId: op.requisitionId,
          ...(followed ? { postingsUpdated: followed.updated, postingsUnchanged: followed.unchanged, postingsMissing: missing } : {}),
        },
        ...(n > 0 && op.postings
          ? { note: `${n} linked posting${n === 1 ? '' : 's'} brought in line (${followLabels(op.postings)}).` }
          : {}),
        ...(missing.length > 0
          ? {
              warnings: missing.map(
                (id) =>
                  `The requisition lists posting ${id}, which Lever no longer has (404): it was left out, and the rest of the record was synced.`,
              ),
            }
          : {}),
      };
    }
    case 'lever.close': {
      const current = await getOrNull(lever, op.requisitionId);
      if (current && current.status !== 'closed') {
        await lever.requisitions.put(op.requisitionId, mergedInput(current, { status: 'closed' }));
        await ctx.afterWrite();
      }
      if (!current || !op.jobExists)
        return { unlinkRequisition: op.requisitionId, result: { requisitionId: op.requisitionId, found: current !== null } };
      return {
        link: { jobId: op.jobId, requisitionId: op.requisitionId, code: op.code, synced: op.synced, direction: 'outbound' },
        result: { requisitionId: op.requisitionId },
      };
    }
    case 'lever.delete': {
      const current = await getOrNull(lever, op.requisitionId);
      if (!current) return { unlinkRequisition: op.requisitionId, result: { requisitionId: op.requisitionId, found: false } };
      const postings = current.postings ?? [];
      if (postings.length > 0) {
        // A posting appeared since the plan: close instead, as the rule says.
        if (current.status !== 'closed') await lever.requisitions.put(op.requisitionId, mergedInput(current, { status: 'closed' }));
        return {
          unlinkRequisition: op.requisitionId,
          result: { requisitionId: op.requisitionId, closedInstead: true },
          note: `Closed instead of deleted: the requisition now has ${postings.length} posting(s).`,
        };
      }
      await lever.requisitions.delete(op.requisitionId);
      return { unlinkRequisition: op.requisitionId, result: { requisitionId: op.requisitionId, deleted: true } };
    }
    case 'charthop.create': {
      const { id, outcome } = await charthop.jobs.createId(op.body, { naturalKey: { field: 'leverReqId', value: op.requisitionId } });
      ctx.created({ jobId: id });
      await ctx.afterWrite();
      return {
        link: {
          jobId: id,
          requisitionId: op.requisitionId,
          code: op.code,
          createdByReqBridge: false,
          synced: op.synced,
          direction: 'inbound',
        },
        result: { jobId: id, outcome },
      };
    }
    case 'charthop.update': {
      if (Object.keys(op.body).length > 0) {
        await charthop.jobs.update(op.jobId, op.body);
        await ctx.afterWrite();
      }
      return {
        link: { jobId: op.jobId, requisitionId: op.requisitionId, code: op.code, synced: op.synced, direction: 'inbound' },
        result: { jobId: op.jobId },
      };
    }
    case 'charthop.close': {
      await charthop.jobs.update(op.jobId, { recruit: 'Inactive', leverReqId: null });
      await ctx.afterWrite();
      return { unlinkRequisition: op.requisitionId, result: { jobId: op.jobId } };
    }
    case 'lever.remove':
    case 'lever.unlink':
    case 'lever.restore':
    case 'charthop.remove':
    case 'charthop.unlink':
    case 'charthop.restore':
      return executeUndoOp(op, ctx);
  }
}
