import type { RunSummary } from '../../../shared/api/sync-views.ts';
import { fullTime } from '../lib/format.ts';
import { recordsWritten, triggerText } from '../lib/run-format.ts';
import { plural } from '../lib/wording.ts';

const WIDTH = 560;
const HEIGHT = 150;
const TOP = 12;
const BOTTOM = 22;
const LEFT = 34;
const SLOTS = 14;

/** Props of the runs chart. */
export interface RunsChartProps {
  /** Runs newest first (as `runs:list` answers); the last 14 are drawn, newest at the right edge. */
  runs: readonly RunSummary[];
  title: string;
}

/** Records written and failures of the last 14 runs, as plain SVG bars (written below, failures stacked in red). */
export function RunsChart({ runs, title }: RunsChartProps) {
  const shown = runs.slice(0, SLOTS).reverse();
  const totals = shown.map((run) => ({ run, written: recordsWritten(run.counts), failed: run.counts.failed }));
  const peak = Math.max(1, ...totals.map((t) => t.written + t.failed));
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = (WIDTH - LEFT) / SLOTS;
  const barWidth = Math.min(26, slot * 0.62);
  const y = (value: number): number => TOP + plotHeight - (value / peak) * plotHeight;
  const sumWritten = totals.reduce((sum, t) => sum + t.written, 0);
  const sumFailed = totals.reduce((sum, t) => sum + t.failed, 0);
  const summary = `${title}: ${plural(shown.length, 'run')}, ${plural(sumWritten, 'record')} written, ${plural(sumFailed, 'failure')} in total.`;

  return (
    <figure className="runs-chart" data-testid="runs-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} preserveAspectRatio="xMidYMid meet">
        <line className="chart-axis" x1={LEFT} x2={WIDTH} y1={TOP + plotHeight} y2={TOP + plotHeight} />
        <line className="chart-grid" x1={LEFT} x2={WIDTH} y1={TOP} y2={TOP} />
        <text className="chart-tick" x={LEFT - 6} y={TOP + 4} textAnchor="end">
          {peak}
        </text>
        <text className="chart-tick" x={LEFT - 6} y={TOP + plotHeight + 4} textAnchor="end">
          0
        </text>
        {totals.map(({ run, written, failed }, index) => {
          const x = LEFT + (SLOTS - totals.length + index) * slot + (slot - barWidth) / 2;
          const label = `Run ${run.id}, ${triggerText(run)}, ${fullTime(run.startedAt)}: ${written} written, ${failed} failed`;
          return (
            <g key={run.id} data-run={run.id}>
              <title>{label}</title>
              {written + failed === 0 && <rect className="chart-none" x={x} y={TOP + plotHeight - 2} width={barWidth} height={2} />}
              {written > 0 && (
                <rect className="chart-written" x={x} y={y(written)} width={barWidth} height={TOP + plotHeight - y(written)} rx={2} />
              )}
              {failed > 0 && (
                <rect
                  className="chart-failed"
                  x={x}
                  y={y(written + failed)}
                  width={barWidth}
                  height={y(written) - y(written + failed)}
                  rx={2}
                />
              )}
            </g>
          );
        })}
        <text className="chart-tick" x={LEFT} y={HEIGHT - 4}>
          older
        </text>
        <text className="chart-tick" x={WIDTH} y={HEIGHT - 4} textAnchor="end">
          newest
        </text>
      </svg>
      <figcaption className="chart-legend">
        <span>
          <span className="legend-swatch legend-written" aria-hidden="true" /> Records written
        </span>
        <span>
          <span className="legend-swatch legend-failed" aria-hidden="true" /> Failures
        </span>
        <span className="chart-totals">
          {sumWritten} written · {sumFailed} failed over the last {shown.length === 1 ? 'run' : plural(shown.length, 'run')}
        </span>
      </figcaption>
    </figure>
  );
}
