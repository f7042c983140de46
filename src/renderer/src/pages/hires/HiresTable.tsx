import { Fragment, useState } from 'react';
import type { HireView } from '../../../../shared/api/hires-views.ts';
import { DecisionChip } from '../../components/DecisionChip.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { SOURCE_LABELS } from '../../lib/hire-format.ts';
import { HireDetail } from './HireDetail.tsx';
import { Ago } from '../../components/Moment.tsx';

/** Deliveries and catch-up finds: when, candidate, job, decision chip and reason; a row opens its detail. */
export function HiresTable({ hires }: { hires: readonly HireView[] }) {
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <TableScroll label="New hires, newest first">
      <table className="data-table hires-table" data-testid="hires-table">
        <caption className="visually-hidden">New hires, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Candidate</th>
            <th scope="col">Job</th>
            <th scope="col">Decision</th>
            <th scope="col">Reason</th>
            <th scope="col">
              <span className="visually-hidden">Details</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {hires.map((hire) => {
            const open = openId === hire.id;
            return (
              <Fragment key={hire.id}>
                <tr data-testid="hire-row" data-hire-id={hire.id} data-opportunity={hire.opportunityId}>
                  <td className="nowrap">
                    <Ago iso={hire.receivedAt} />
                    <span className="cell-sub">{SOURCE_LABELS[hire.source]}</span>
                  </td>
                  <td>{hire.candidateName ?? <span className="diff-empty">Unknown candidate</span>}</td>
                  <td>{hire.jobTitle ?? <span className="diff-empty">No ChartHop job</span>}</td>
                  <td>
                    <DecisionChip decision={hire.decision} />
                  </td>
                  <td className="cell-reason">
                    <span className="clamp-2" title={hire.reason}>
                      {hire.reason}
                    </span>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-small button-quiet"
                      aria-expanded={open}
                      aria-controls={`hire-${hire.id}`}
                      onClick={() => setOpenId(open ? null : hire.id)}
                    >
                      {open ? 'Hide' : 'Details'}
                    </button>
                  </td>
                </tr>
                {open && (
                  <tr className="detail-row">
                    <td colSpan={6} id={`hire-${hire.id}`}>
                      <HireDetail hire={hire} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
