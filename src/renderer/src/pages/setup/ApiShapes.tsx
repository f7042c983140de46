import { useState } from 'react';
import type { ApiShapeFindingView, ApiShapeReport } from '../../../../shared/api/shape-views.ts';
import { call } from '../../bridge/bridge.ts';
import type { UiError } from '../../bridge/ui-error.ts';
import { toUiError } from '../../bridge/ui-error.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { downloadText } from '../../lib/download.ts';
import { findingText, shapeSummary, visibleFindings } from '../../lib/shape-format.ts';
import { plural } from '../../lib/wording.ts';
import { Ago } from '../../components/Moment.tsx';

/** An endpoint's differences: the ones that matter listed, fields ReqBridge does not read counted. */
function ShapeFindings({ findings }: { findings: ApiShapeFindingView[] }) {
  const { shown, unread } = visibleFindings(findings);
  if (shown.length === 0 && unread === 0) return <>None</>;
  return (
    <>
      {shown.length > 0 && (
        <ul className="shape-findings">
          {shown.map((f) => (
            <li key={`${f.kind} ${f.path} ${f.observed ?? ''}`} className={f.relied ? 'text-warn' : undefined} data-testid="shape-finding">
              <code>{f.path}</code> {findingText(f)}
            </li>
          ))}
        </ul>
      )}
      {unread > 0 && <p className="field-hint">{plural(unread, 'more field')} ReqBridge does not read (listed in the export).</p>}
    </>
  );
}

/**
 * Setup → API shapes: how Lever's and ChartHop's answers compared with what ReqBridge expects —
 * per endpoint, the answers read and each difference (field names and types only, no values) —
 * with an export for a support ticket.
 */
export function ApiShapes({ profileId }: { profileId: string }) {
  const [report, setReport] = useState<ApiShapeReport | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const load = async (): Promise<ApiShapeReport | null> => {
    setBusy(true);
    setError(null);
    try {
      const next = await call('doctor:shapes', { profileId });
      setReport(next);
      return next;
    } catch (e) {
      setError(toUiError(e));
      return null;
    } finally {
      setBusy(false);
    }
  };
  const exportJson = async (): Promise<void> => {
    const fresh = await load();
    if (fresh) downloadText(`reqbridge-${profileId}-api-shapes.json`, `${JSON.stringify(fresh, null, 2)}\n`);
  };
  return (
    <section className="subsection" aria-labelledby="api-shapes-title" data-testid="api-shapes">
      <h3 id="api-shapes-title" className="subsection-title">
        API shapes
      </h3>
      <p className="field-hint">
        Every answer ReqBridge reads from Lever and ChartHop is compared with the shape it expects. Differences are kept as field names and
        types only — never values — so the export can go into a support ticket.
      </p>
      <div className="form-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void load()}>
          {report ? 'Refresh' : 'Show API shapes'}
        </button>
        <button type="button" className="button button-quiet" disabled={busy} onClick={() => void exportJson()}>
          Export JSON
        </button>
      </div>
      <ErrorNote error={error} />
      {report &&
        (report.endpoints.length === 0 ? (
          <p className="empty-inline">No answer has been read for this profile yet. Run Check connection or a sync first.</p>
        ) : (
          <>
            <p role="status">{shapeSummary(report)}</p>
            <div className="table-frame">
              <table className="data-table shapes-table" data-testid="shapes-table">
                <thead>
                  <tr>
                    <th scope="col">Endpoint</th>
                    <th scope="col">Answers</th>
                    <th scope="col">Differences</th>
                    <th scope="col">Last seen</th>
                  </tr>
                </thead>
                <tbody>
                  {report.endpoints.map((e) => (
                    <tr key={`${e.vendor} ${e.endpoint}`}>
                      <th scope="row">
                        {e.vendor === 'lever' ? 'Lever' : 'ChartHop'} <code>{e.endpoint}</code>
                      </th>
                      <td className="num">{e.responses}</td>
                      <td>
                        <ShapeFindings findings={e.findings} />
                      </td>
                      <td>
                        <Ago iso={e.lastSeen} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ))}
    </section>
  );
}
