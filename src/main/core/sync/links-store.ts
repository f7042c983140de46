/**
 * The `links` table: ChartHop job ↔ Lever requisition (id and code), who
 * created the requisition, and the field values as last synced. One link per
 * job and per requisition: recording a link replaces any older link of
 * either record.
 */
import type { StateDb } from '../state/state-db.ts';
import type { FieldValues } from './fields.ts';
import type { LinkRecord } from './model.ts';

interface LinkRow {
  charthop_job_id: string;
  lever_requisition_id: string;
  requisition_code: string | null;
  created_by_reqbridge: number;
  synced_values: string;
}

/** What recording a link writes. */
export interface LinkWrite {
  jobId: string;
  requisitionId: string;
  code: string | null;
  /** Undefined keeps the current flag (false for a new link). */
  createdByReqBridge?: boolean;
  synced: FieldValues;
  direction: 'outbound' | 'inbound';
}

/** Access to a profile's links. */
export interface LinksStore {
  all(): LinkRecord[];
  count(): number;
  /** Records a link (replacing older links of the job or the requisition). Call inside a transaction. */
  upsert(link: LinkWrite, at: Date): void;
  removeByRequisition(requisitionId: string): void;
}

function parseSynced(text: string): Pick<LinkRecord, 'synced' | 'syncedDirection'> {
  try {
    const parsed = JSON.parse(text) as { direction?: unknown; values?: unknown };
    const direction = parsed.direction === 'outbound' || parsed.direction === 'inbound' ? parsed.direction : null;
    const values = typeof parsed.values === 'object' && parsed.values !== null ? (parsed.values as Record<string, string | null>) : {};
    return { synced: values, syncedDirection: direction };
  } catch {
    return { synced: {}, syncedDirection: null };
  }
}

/** The links of one profile's state DB. */
export function createLinksStore(state: StateDb): LinksStore {
  const { db } = state;
  return {
    all() {
      const rows = db
        .prepare('SELECT charthop_job_id, lever_requisition_id, requisition_code, created_by_reqbridge, synced_values FROM links')
        .all() as unknown as LinkRow[];
      return rows.map((r) => ({
        jobId: r.charthop_job_id,
        requisitionId: r.lever_requisition_id,
        requisitionCode: r.requisition_code,
        createdByReqBridge: r.created_by_reqbridge === 1,
        ...parseSynced(r.synced_values),
      }));
    },
    count: () => (db.prepare('SELECT COUNT(*) AS n FROM links').get() as { n: number }).n,
    upsert(link, at) {
      const prior = db
        .prepare('SELECT created_by_reqbridge FROM links WHERE charthop_job_id = ? AND lever_requisition_id = ?')
        .get(link.jobId, link.requisitionId) as { created_by_reqbridge: number } | undefined;
      const created = link.createdByReqBridge ?? prior?.created_by_reqbridge === 1;
      db.prepare('DELETE FROM links WHERE charthop_job_id = ? OR lever_requisition_id = ?').run(link.jobId, link.requisitionId);
      db.prepare(
        'INSERT INTO links (charthop_job_id, lever_requisition_id, requisition_code, created_by_reqbridge, synced_values, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(
        link.jobId,
        link.requisitionId,
        link.code,
        created ? 1 : 0,
        JSON.stringify({ direction: link.direction, values: link.synced }),
        at.toISOString(),
      );
    },
    removeByRequisition: (requisitionId) => void db.prepare('DELETE FROM links WHERE lever_requisition_id = ?').run(requisitionId),
  };
}
