/**
 * The API shape record of a profile: every answer its clients parsed, counted
 * per endpoint template, and every difference from the schema (key path and
 * JSON types, never values) with counts and first/last seen. It lives in the
 * profile's state database, so Check connection, `reqbridge doctor --shapes`
 * and Setup → API shapes read the same record.
 */
import type { ApiShapeEndpointView, ApiShapeFindingView, ApiShapeReport } from '../../../shared/api/shape-views.ts';
import type { Vendor } from '../http/limiter-registry.ts';
import type { ShapeFinding } from '../http/shape.ts';
import type { StateDb } from './state-db.ts';

/** Field names the sync and the hires rely on: their absence or another type is a warning. */
const RELIED_FIELDS = new Set([
  'id',
  'requisitionCode',
  'name',
  'status',
  'headcountTotal',
  'confidentiality',
  'hiringManager',
  'owner',
  'department',
  'team',
  'location',
  'employmentStatus',
  'compensationBand',
  'postings',
  'email',
  'deactivatedAt',
  'categories',
  'title',
  'archived',
  'applications',
  'offers',
  'requisitionForHire',
]);

/** True when the sync relies on the field at `path` (its last name, e.g. `team` of `data[].team`). */
export function isReliedPath(path: string): boolean {
  const last = path.split('.').pop()?.replace(/\[\]$/, '') ?? '';
  return RELIED_FIELDS.has(last);
}

/** The shape record of one profile. */
export interface ApiShapeStore {
  /** Counts one parsed answer of `endpoint` and its findings. */
  record(vendor: Vendor, endpoint: string, findings: readonly ShapeFinding[], at: Date): void;
  report(profileId: string, now: Date): ApiShapeReport;
  clear(): void;
}

interface EndpointRow {
  vendor: Vendor;
  endpoint: string;
  responses: number;
  first_seen: string;
  last_seen: string;
}
interface FindingRow {
  vendor: Vendor;
  endpoint: string;
  kind: ApiShapeFindingView['kind'];
  path: string;
  observed: string;
  expected: string | null;
  count: number;
  first_seen: string;
  last_seen: string;
}

/** The shape record over a profile's state database. */
export function createApiShapeStore(state: StateDb): ApiShapeStore {
  const { db } = state;
  const countEndpoint = db.prepare(`
    INSERT INTO api_shape_endpoints (vendor, endpoint, responses, first_seen, last_seen) VALUES (?, ?, 1, ?, ?)
    ON CONFLICT (vendor, endpoint) DO UPDATE SET responses = responses + 1, last_seen = excluded.last_seen`);
  const countFinding = db.prepare(`
    INSERT INTO api_shape_findings (vendor, endpoint, kind, path, observed, expected, count, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)
    ON CONFLICT (vendor, endpoint, kind, path, observed) DO UPDATE SET count = count + 1, expected = excluded.expected, last_seen = excluded.last_seen`);
  return {
    record(vendor, endpoint, findings, at) {
      const when = at.toISOString();
      state.transaction(() => {
        countEndpoint.run(vendor, endpoint, when, when);
        for (const f of findings) countFinding.run(vendor, endpoint, f.kind, f.path, f.observed ?? '', f.expected, when, when);
      });
    },
    report(profileId, now) {
      const endpoints = db
        .prepare('SELECT vendor, endpoint, responses, first_seen, last_seen FROM api_shape_endpoints ORDER BY vendor, endpoint')
        .all() as unknown as EndpointRow[];
      const findings = db
        .prepare(
          'SELECT vendor, endpoint, kind, path, observed, expected, count, first_seen, last_seen FROM api_shape_findings ORDER BY kind, path',
        )
        .all() as unknown as FindingRow[];
      const views: ApiShapeEndpointView[] = endpoints.map((e) => ({
        vendor: e.vendor,
        endpoint: e.endpoint,
        responses: e.responses,
        firstSeen: e.first_seen,
        lastSeen: e.last_seen,
        findings: findings
          .filter((f) => f.vendor === e.vendor && f.endpoint === e.endpoint)
          .map((f) => ({
            kind: f.kind,
            path: f.path,
            observed: f.observed === '' ? null : f.observed,
            expected: f.expected,
            count: f.count,
            firstSeen: f.first_seen,
            lastSeen: f.last_seen,
            relied: f.kind !== 'unknown' && isReliedPath(f.path),
          })),
      }));
      return { profileId, generatedAt: now.toISOString(), endpoints: views };
    },
    clear() {
      state.transaction(() => {
        db.exec('DELETE FROM api_shape_endpoints');
        db.exec('DELETE FROM api_shape_findings');
      });
    },
  };
}
