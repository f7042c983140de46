/**
 * The API shapes check: after the other checks talked to both systems, the
 * profile's shape record says whether any field the sync relies on was
 * missing from an answer or came as another JSON type. Drift that does not
 * touch such a field (an extra field, say) is in the record, not a warning.
 */
import type { ApiShapeReport } from '../../../shared/api/shape-views.ts';
import type { DoctorCheck } from './types.ts';
import { plural } from '../../../shared/text/wording.ts';

/** The check's title. */
export const SHAPES_CHECK_TITLE = 'Lever and ChartHop answer in the shape ReqBridge relies on';

/** The check from the profile's shape record. */
export function shapesCheck(report: ApiShapeReport | null): DoctorCheck {
  const base = { id: 'api.shapes', title: SHAPES_CHECK_TITLE };
  if (!report || report.endpoints.length === 0) {
    return { ...base, status: 'unverified', detail: 'No answer from Lever or ChartHop has been read for this profile yet.', fix: null };
  }
  const relied = report.endpoints.flatMap((e) => e.findings.filter((f) => f.relied).map((f) => ({ e, f })));
  const answers = report.endpoints.reduce((n, e) => n + e.responses, 0);
  if (relied.length === 0) {
    return {
      ...base,
      status: 'pass',
      detail: `${plural(answers, 'answer')} from ${plural(report.endpoints.length, 'endpoint')} read; every field the sync relies on was there with the expected type.`,
      fix: null,
    };
  }
  const items = relied.map(
    ({ e, f }) =>
      `${e.vendor === 'lever' ? 'Lever' : 'ChartHop'} ${e.endpoint}: ${f.path} ${f.kind === 'missing' ? `missing (expected ${f.expected ?? 'a value'})` : `is ${f.observed ?? 'missing'}, expected ${f.expected ?? 'another type'}`} — ${plural(f.count, 'answer')}, last ${f.lastSeen}`,
  );
  return {
    ...base,
    status: 'warn',
    items,
    detail: `${relied.length} ${relied.length === 1 ? 'field the sync relies on was' : 'fields the sync relies on were'} missing or of another type in the answers read. Records that need ${relied.length === 1 ? 'it' : 'them'} stop with a clear error instead of being written wrongly.`,
    fix: 'Export the API shapes (Setup → API shapes, or reqbridge doctor --shapes --json) and send the file with a support ticket; it holds field names and types only, no values.',
  };
}
