/**
 * Settling what an interrupted run left in the journal, before a new run
 * plans anything (reliability.md §2.5 "startup recovery"). A PLANNED intent
 * was never sent: it fails and its record is planned again. A SENT create
 * continues from the id its answer carried when the journal recorded one;
 * otherwise it is looked up by its natural key: found → linked on both sides
 * and confirmed (no second create); absent → failed and planned again. Other SENT writes
 * (updates, closes, deletes) are safe to repeat: they fail and the fresh
 * plan re-checks their records.
 */
import type { ChartHopClient } from '../charthop/client.ts';
import { isHttpFailure } from '../http/errors.ts';
import { skipPrecreateLookup } from '../http/test-hooks.ts';
import type { LeverClient } from '../lever/client.ts';
import type { LeverRequisition } from '../lever/schemas.ts';
import type { Logger } from '../logging/logger.ts';
import type { StateDb } from '../state/state-db.ts';
import type { Intent, Journal } from './journal.ts';
import type { LinksStore } from './links-store.ts';

/** How one unfinished intent was settled. */
export interface Settlement {
  intent: Intent;
  outcome: 'recovered' | 'failed';
  text: string;
}

/** What settling needs. */
export interface SettleContext {
  state: StateDb;
  journal: Journal;
  links: LinksStore;
  lever: LeverClient;
  charthop: ChartHopClient;
  now(): Date;
  logger: Logger;
}

/** The record a create's recorded id names, or null when it no longer exists. */
async function recorded<T>(id: string | null, read: (id: string) => Promise<T>): Promise<T | null> {
  if (!id) return null;
  try {
    return await read(id);
  } catch (error) {
    if (isHttpFailure(error, 'not_found')) return null;
    throw error;
  }
}

async function findRequisition(lever: LeverClient, code: string): Promise<LeverRequisition | null> {
  try {
    return await lever.requisitions.findByCode(code, 'all');
  } catch (error) {
    if (!isHttpFailure(error, 'forbidden', 'bad_request')) throw error;
    return lever.requisitions.findByCode(code);
  }
}

/** Settles every unfinished intent; returns what happened to each. */
export async function settleJournal(ctx: SettleContext): Promise<Settlement[]> {
  const out: Settlement[] = [];
  const fail = (intent: Intent, text: string): void => {
    ctx.journal.failed(intent.id, text, ctx.now());
    out.push({ intent, outcome: 'failed', text });
  };
  for (const intent of ctx.journal.unfinished()) {
    const { op } = intent;
    if (intent.state === 'PLANNED') {
      fail(intent, 'Not sent: the run stopped before this write was sent. The record is planned again.');
      continue;
    }
    if (op.kind === 'lever.create') {
      const found = skipPrecreateLookup()
        ? null
        : ((await recorded(intent.createdId, (id) => ctx.lever.requisitions.get(id))) ?? (await findRequisition(ctx.lever, op.code)));
      if (!found) {
        fail(intent, `The create never reached Lever (no requisition ${op.code}); the record is planned again.`);
        continue;
      }
      await ctx.charthop.jobs.update(op.jobId, { ...op.writeBack, leverReqId: found.id });
      ctx.state.transaction(() => {
        ctx.links.upsert(
          {
            jobId: op.jobId,
            requisitionId: found.id,
            code: found.requisitionCode,
            createdByReqBridge: true,
            synced: op.synced,
            direction: 'outbound',
          },
          ctx.now(),
        );
        ctx.journal.confirmed(intent.id, { requisitionId: found.id, outcome: 'recovered' }, ctx.now());
      });
      out.push({
        intent,
        outcome: 'recovered',
        text: `An interrupted run had created requisition ${found.requisitionCode}; it was found in Lever ${intent.createdId ? 'by the id its answer carried' : 'by its code'} and linked (no second create).`,
      });
      continue;
    }
    if (op.kind === 'charthop.create') {
      const job = skipPrecreateLookup()
        ? null
        : ((await recorded(intent.createdId, (id) => ctx.charthop.jobs.get(id))) ??
          (await ctx.charthop.jobs.findByKey({ field: 'leverReqId', value: op.requisitionId })));
      if (!job) {
        fail(intent, 'The create never reached ChartHop; the record is planned again.');
        continue;
      }
      ctx.state.transaction(() => {
        ctx.links.upsert(
          {
            jobId: job.id,
            requisitionId: op.requisitionId,
            code: op.code,
            createdByReqBridge: false,
            synced: op.synced,
            direction: 'inbound',
          },
          ctx.now(),
        );
        ctx.journal.confirmed(intent.id, { jobId: job.id, outcome: 'recovered' }, ctx.now());
      });
      out.push({
        intent,
        outcome: 'recovered',
        text: `An interrupted run had created the ChartHop job for requisition ${op.code}; it was found ${intent.createdId ? 'by the id its answer carried' : 'by its Lever Req ID'} and linked (no second create).`,
      });
      continue;
    }
    fail(intent, 'Interrupted before it was confirmed; the fresh plan checks this record again (this write is safe to repeat).');
  }
  if (out.length > 0) ctx.logger.info(`Sync: settled ${out.length} unfinished write(s) of an interrupted run`);
  return out;
}
