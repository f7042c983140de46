/**
 * The hand-over report as one self-contained HTML file: inline CSS only (no
 * script, image, font or stylesheet from anywhere), print-friendly so that
 * "Save as PDF" gives a clean document. Every value is escaped.
 */
import { optionLabel, OPTION_KEYS } from '../../../shared/settings/options.ts';
import type { ReportData } from './report-data.ts';
import { clientTasks } from './report-todo.ts';
import { plural } from '../../../shared/text/wording.ts';

/** The sections of the report, in order: id and heading. */
export const REPORT_SECTIONS = [
  ['profile', 'Client profile'],
  ['check-connection', 'Last Check connection'],
  ['mappings', 'Mappings'],
  ['webhook', 'Webhook setup'],
  ['schedule', 'Schedule'],
  ['runs', 'Last 10 runs'],
  ['attention', 'Pending attention items'],
  ['unmapped', 'Unmapped values'],
  ['todo', 'What the client still has to do'],
] as const;

const esc = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
const when = (iso: string | null | undefined): string => (iso ? esc(iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')) : '—');
const table = (head: readonly string[], rows: readonly (readonly string[])[]): string =>
  `<table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
const empty = (text: string): string => `<p class="empty">${esc(text)}</p>`;

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1a1a;margin:2rem auto;max-width:60rem;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:1.8rem 0 .5rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0}th,td{border:1px solid #d0d0d0;padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.meta{color:#555}.empty{color:#555;font-style:italic}.num{text-align:right}
.s-pass{color:#176b2c}.s-warn{color:#8a5a00}.s-fail{color:#a4161a}.s-unverified{color:#555}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}table,tr{break-inside:avoid}th{background:none}a{color:inherit;text-decoration:none}}
`;

function profileSection(d: ReportData): string {
  const p = d.profile;
  const direction =
    p.sourceOfTruth === 'charthop'
      ? 'Outbound: ChartHop is the source of truth (ChartHop open jobs → Lever requisitions)'
      : 'Inbound: Lever is the source of truth (Lever requisitions → ChartHop open jobs)';
  const mark = (label: string): string => {
    const advice = d.advice.find((a) => a.label === label);
    return advice ? (advice.kind === 'required' ? 'Required' : 'Recommended') : '—';
  };
  return `<p><strong>${esc(p.name)}</strong> (${p.kind === 'sandbox' ? 'Sandbox' : 'client'} profile). ${esc(direction)}. New hires always flow from Lever into ChartHop.</p>
<p class="meta">Lever: ${esc(p.lever.environment)} · ChartHop org: ${esc(p.charthop.org || '—')} · Lever API key ${d.secretsSet.leverApiKey ? 'set' : 'not set'} · ChartHop token ${d.secretsSet.charthopToken ? 'set' : 'not set'}</p>
${table(
  ['Option', 'State', 'Guide'],
  OPTION_KEYS.map((k) => [esc(optionLabel(k)), p.options[k] ? 'On' : 'Off', mark(optionLabel(k))]),
)}`;
}

function doctorSection(d: ReportData): string {
  if (!d.doctor) return empty('Check connection has not been run for this profile yet.');
  const c = d.doctor;
  return `<p class="meta">Run ${when(c.finishedAt)}: ${c.counts.pass} passed, ${plural(c.counts.warn, 'warning')}, ${c.counts.fail} failed, ${c.counts.unverified} not verified.</p>
${table(
  ['Check', 'Status', 'Found', 'Fix'],
  c.checks.map((x) => [esc(x.title), `<span class="s-${esc(x.status)}">${esc(x.status)}</span>`, esc(x.detail), esc(x.fix ?? '—')]),
)}`;
}

function mappingsSection(d: ReportData): string {
  const kinds = [
    ['departments', 'Department'],
    ['teams', 'Team'],
    ['locations', 'Location'],
    ['employmentTypes', 'Employment type'],
    ['users', 'User email'],
  ] as const;
  const rows = kinds.flatMap(([key, label]) => Object.entries(d.profile.mappings[key]).map(([from, to]) => [label, esc(from), esc(to)]));
  return rows.length > 0 ? table(['Kind', 'ChartHop value', 'Lever value'], rows) : empty('No mappings: every value is used as it is.');
}

function webhookSection(d: ReportData): string {
  const w = d.webhook;
  if (!w) return empty('The webhook status could not be read on this computer.');
  return table(
    ['', ''],
    [
      ['Provider', esc(w.provider)],
      [
        'Webhook URL',
        w.url ? `${esc(w.url)} <span class="meta">(the secret path is left out of this report)</span>` : 'None up or configured',
      ],
      ['Signature token', w.signatureTokenSet ? 'Set' : 'Not set'],
      [
        'Verified',
        w.verifiedAt ? `Yes, Lever's Verify connection arrived ${when(w.verifiedAt)}` : 'No: Lever has not verified the connection yet',
      ],
      ['Last delivery', when(w.lastDeliveryAt)],
    ],
  );
}

function scheduleSection(d: ReportData): string {
  const p = d.profile;
  return table(
    ['', ''],
    [
      ['Run Daily', p.options.runDaily ? `On, at ${esc(p.dailyRunTime)} (local time of the computer running it)` : 'Off'],
      ['Sync On Change', p.options.syncOnChange ? `On, ChartHop checked every ${p.syncOnChangeIntervalSeconds} s` : 'Off'],
      [
        'Schedules',
        d.schedule.hostRunsSchedules
          ? d.schedule.paused
            ? 'Paused on this computer'
            : 'Running on this computer'
          : 'Not running here: an OS scheduler calling reqbridge daily takes its place',
      ],
      ['Next daily run', when(d.schedule.nextRunAt)],
    ],
  );
}

function runsSection(d: ReportData): string {
  if (d.runs.length === 0) return empty('No runs yet.');
  return table(
    ['Run', 'Started', 'Trigger', 'Kind', 'Status', 'Created', 'Updated', 'Linked', 'Closed', 'Deleted', 'Skipped', 'Attention', 'Failed'],
    d.runs.map((r) => [
      String(r.id),
      when(r.startedAt),
      esc(r.trigger),
      r.kind === 'undo' ? `undo of run ${r.undoes ?? '?'}` : esc(r.direction),
      esc(r.status),
      ...[
        r.counts.created,
        r.counts.updated,
        r.counts.linked,
        r.counts.closed,
        r.counts.deleted,
        r.counts.skipped,
        r.counts.attention,
        r.counts.failed,
      ].map(String),
    ]),
  );
}

function attentionSection(d: ReportData): string {
  return d.pending.length > 0
    ? table(
        ['From', 'Record', 'Why'],
        d.pending.map((p) => [esc(p.source), esc(p.title), esc(p.detail)]),
      )
    : empty('Nothing waits for a decision.');
}

function unmappedSection(d: ReportData): string {
  if (!d.unmapped) return empty('No plan has been computed yet, so unmapped values are not known.');
  if (d.unmapped.values.length === 0) return empty(`None: the last plan (${when(d.unmapped.at)}) found a counterpart for every value.`);
  return `<p class="meta">From the last plan, ${when(d.unmapped.at)}.</p>${table(
    ['Kind', 'Value', 'Records'],
    d.unmapped.values.map((v) => [esc(v.kind), esc(v.value), String(v.records)]),
  )}`;
}

function todoSection(d: ReportData): string {
  const tasks = clientTasks(d);
  return tasks.length > 0
    ? `<ol>${tasks.map((t) => `<li>${esc(t)}</li>`).join('')}</ol>`
    : empty('Nothing: the integration is set up as the guide asks.');
}

const RENDER: Record<(typeof REPORT_SECTIONS)[number][0], (d: ReportData) => string> = {
  profile: profileSection,
  'check-connection': doctorSection,
  mappings: mappingsSection,
  webhook: webhookSection,
  schedule: scheduleSection,
  runs: runsSection,
  attention: attentionSection,
  unmapped: unmappedSection,
  todo: todoSection,
};

/** The whole report. */
export function reportHtml(d: ReportData): string {
  const sections = REPORT_SECTIONS.map(([id, title]) => `<section id="${id}"><h2>${esc(title)}</h2>\n${RENDER[id](d)}</section>`).join(
    '\n',
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`ReqBridge hand-over: ${d.profile.name}`)}</title><style>${CSS}</style></head>
<body><header><h1>${esc(`ReqBridge hand-over: ${d.profile.name}`)}</h1><p class="meta">Generated ${when(d.generatedAt)}. This report holds no key, token or webhook secret.</p></header>
${sections}
</body></html>
`;
}
