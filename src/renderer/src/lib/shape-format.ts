/** Words for the API shape report. */
import type { ApiShapeFindingView, ApiShapeReport } from '../../../shared/api/shape-views.ts';
import { plural } from './wording.ts';

/** "missing (expected string|null), 3 answers" — what a difference is, and how often it was seen. */
export function findingText(f: ApiShapeFindingView): string {
  const what =
    f.kind === 'unknown'
      ? `is a field ReqBridge does not know (${f.observed ?? 'no value'})`
      : f.kind === 'missing'
        ? `is missing (expected ${f.expected ?? 'a value'})`
        : `came as ${f.observed ?? 'nothing'}, expected ${f.expected ?? 'another type'}`;
  return `${what}, in ${plural(f.count, 'answer')}${f.relied ? ' — the sync relies on it' : ''}.`;
}

/** "412 answers from 9 endpoints; 2 differences, 1 in a field the sync relies on." */
export function shapeSummary(report: ApiShapeReport): string {
  const answers = report.endpoints.reduce((n, e) => n + e.responses, 0);
  const findings = report.endpoints.flatMap((e) => e.findings);
  const relied = findings.filter((f) => f.relied).length;
  const endpoints = plural(report.endpoints.length, 'endpoint');
  if (findings.length === 0) return `${plural(answers, 'answer')} from ${endpoints}, all in the expected shape.`;
  return `${plural(answers, 'answer')} from ${endpoints}; ${plural(findings.length, 'difference')}${relied > 0 ? `, ${relied} in ${relied === 1 ? 'a field' : 'fields'} the sync relies on` : ''}.`;
}

/** What an endpoint's row lists: fields the sync relies on first, then other missing or mistyped ones; unknown fields are counted. */
export function visibleFindings(findings: readonly ApiShapeFindingView[]): { shown: ApiShapeFindingView[]; unread: number } {
  const shown = findings
    .filter((f) => f.kind !== 'unknown')
    .sort((a, b) => Number(b.relied) - Number(a.relied) || a.path.localeCompare(b.path));
  return { shown, unread: findings.length - shown.length };
}
