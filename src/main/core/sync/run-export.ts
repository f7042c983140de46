/**
 * A run as a downloadable file: CSV (one line per item, the diff as
 * "field: before → after" pairs) or JSON (the run with its items and record
 * ids). Cells that a spreadsheet would run as a formula are defused.
 */
import type { FieldDiff, RunSummary } from '../../../shared/api/sync-views.ts';
import type { RunItemRecord } from './run-log.ts';

/** An export file. */
export interface RunExport {
  fileName: string;
  mimeType: string;
  content: string;
}

const COLUMNS = [
  'run_id',
  'trigger',
  'direction',
  'run_status',
  'item_id',
  'record_key',
  'title',
  'action',
  'outcome',
  'reason',
  'reason_text',
  'job_id',
  'requisition_id',
  'requisition_code',
  'changes',
  'error',
  'warnings',
] as const;

/** One CSV cell: quoted when needed; a leading =, +, -, @ (formula) is prefixed with a quote. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** "Title: Engineer → Senior Engineer; Location: (empty) → Remote". */
export function diffText(diff: readonly FieldDiff[]): string {
  return diff.map((d) => `${d.label}: ${d.before ?? '(empty)'} → ${d.after ?? '(empty)'}`).join('; ');
}

/** The run as CSV (RFC 4180, CRLF line ends). */
export function runCsv(run: RunSummary, items: readonly RunItemRecord[]): string {
  const lines = [COLUMNS.join(',')];
  for (const item of items) {
    const cells = [
      run.id,
      run.trigger,
      run.direction,
      run.status,
      item.id,
      item.recordKey,
      item.title,
      item.action,
      item.outcome,
      item.reason,
      item.reasonText,
      item.jobId,
      item.requisitionId,
      item.requisitionCode,
      diffText(item.diff),
      item.error,
      (item.warnings ?? []).join(' | ') || null,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The run as a CSV or JSON file named after the profile and run. */
export function exportRun(run: RunSummary, items: readonly RunItemRecord[], format: 'csv' | 'json'): RunExport {
  const base = `reqbridge-${run.profileId}-run-${run.id}`;
  if (format === 'csv') return { fileName: `${base}.csv`, mimeType: 'text/csv', content: runCsv(run, items) };
  return { fileName: `${base}.json`, mimeType: 'application/json', content: `${JSON.stringify({ ...run, items }, null, 2)}\n` };
}
