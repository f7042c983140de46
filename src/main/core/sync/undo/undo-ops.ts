/**
 * Executing the operations only an undo plans. Each is safe to repeat after a
 * crash: a requisition or job already gone counts as removed, and a close of a
 * closed requisition writes nothing. A requisition that gained a posting since
 * the plan is closed instead of deleted, and keeps its link and the job's
 * Lever Req ID (the job still points at a requisition that exists).
 */
import { isHttpFailure } from '../../http/errors.ts';
import type { LeverRequisition } from '../../lever/schemas.ts';
import type { OpContext, OpEffect } from '../apply-ops.ts';
import { mergedInput } from '../lever-writes.ts';
import type { UndoOp } from '../plan-types.ts';
import { followPostings } from '../posting-follow.ts';
import { assertUnchanged, jobUnchanged } from './undo-guard.ts';
import { AppError } from '../../errors.ts';

async function requisitionOrNull(ctx: OpContext, id: string): Promise<LeverRequisition | null> {
  try {
    return await ctx.lever.requisitions.get(id);
  } catch (error) {
    if (isHttpFailure(error, 'not_found')) return null;
    throw error;
  }
}

async function resetJob(ctx: OpContext, jobId: string | null, reset: Record<string, unknown> | null): Promise<void> {
  if (jobId && reset && Object.keys(reset).length > 0) await ctx.charthop.jobs.update(jobId, reset);
}

/** Runs an undo operation; throws the client's error when a call fails. */
export async function executeUndoOp(op: UndoOp, ctx: OpContext): Promise<OpEffect> {
  switch (op.kind) {
    case 'lever.remove': {
      const current = await requisitionOrNull(ctx, op.requisitionId);
      if (current) assertUnchanged(current, op.expected);
      const postings = current?.postings?.length ?? 0;
      if (current && (op.mode === 'close' || postings > 0)) {
        if (current.status !== 'closed') {
          await ctx.lever.requisitions.update(op.requisitionId, mergedInput(current, { status: 'closed' }));
          await ctx.afterWrite();
        }
        const note = op.mode === 'delete' ? `Closed instead of deleted: the requisition now has ${postings} posting(s).` : undefined;
        return { result: { requisitionId: op.requisitionId, closed: true }, ...(note ? { note } : {}) };
      }
      if (current) {
        await ctx.lever.requisitions.delete(op.requisitionId);
        await ctx.afterWrite();
      }
      await resetJob(ctx, op.jobId, op.jobReset);
      return { unlinkRequisition: op.requisitionId, result: { requisitionId: op.requisitionId, deleted: current !== null } };
    }
    case 'lever.unlink': {
      if (Object.keys(op.changes).length > 0) {
        const current = await ctx.lever.requisitions.get(op.requisitionId);
        assertUnchanged(current, op.expected);
        await ctx.lever.requisitions.update(op.requisitionId, mergedInput(current, op.changes));
        await ctx.afterWrite();
      }
      await resetJob(ctx, op.jobId, op.jobReset);
      return { unlinkRequisition: op.requisitionId, result: { requisitionId: op.requisitionId } };
    }
    case 'lever.restore': {
      const current = await ctx.lever.requisitions.get(op.requisitionId);
      assertUnchanged(current, op.expected);
      const written = await ctx.lever.requisitions.update(op.requisitionId, mergedInput(current, op.changes));
      await ctx.afterWrite();
      if (op.postings) await followPostings(ctx.lever, written, op.postings);
      await resetJob(ctx, op.jobId, op.jobReset);
      return {
        link: { jobId: op.jobId, requisitionId: op.requisitionId, code: op.code, synced: op.synced, direction: 'outbound' },
        result: { requisitionId: op.requisitionId },
      };
    }
    case 'charthop.unlink': {
      if (await jobUnchanged(ctx.charthop, op.jobId, op.expected)) await resetJob(ctx, op.jobId, op.jobReset);
      return { unlinkRequisition: op.requisitionId, result: { jobId: op.jobId } };
    }
    case 'charthop.restore': {
      if (!(await jobUnchanged(ctx.charthop, op.jobId, op.expected))) {
        throw new AppError('undo.gone', 'The ChartHop job is no longer there, so nothing was restored. Check it in ChartHop.');
      }
      await ctx.charthop.jobs.update(op.jobId, op.body);
      await ctx.afterWrite();
      return {
        link: { jobId: op.jobId, requisitionId: op.requisitionId, code: op.code, synced: op.synced, direction: 'inbound' },
        result: { jobId: op.jobId },
      };
    }
    case 'charthop.remove': {
      if (!(await jobUnchanged(ctx.charthop, op.jobId, op.expected)))
        return { unlinkRequisition: op.requisitionId, result: { jobId: op.jobId, found: false } };
      if (op.mode === 'delete') await ctx.charthop.jobs.delete(op.jobId);
      else await ctx.charthop.jobs.update(op.jobId, { recruit: 'Inactive', leverReqId: null });
      await ctx.afterWrite();
      return { unlinkRequisition: op.requisitionId, result: { jobId: op.jobId, [op.mode === 'delete' ? 'deleted' : 'inactive']: true } };
    }
  }
}
