import type { Clock, Random } from '../http/index.ts';
import type { LeverStore } from './store.ts';

/** Offer-field identifiers used when the fake builds offers (configurable: Lever's real ones are unverified). */
export interface OfferFieldIdentifiers {
  startDate: string;
  salary: string;
  currency: string;
  equity: string;
  jobTitle: string;
  candidateName: string;
  posting: string;
  requisition: string;
  salaryInterval: string;
}

/** Defaults: `anticipated_start_date` and `salary_amount` appear in third-party fixtures; the rest are our choice. */
export const DEFAULT_OFFER_FIELDS: OfferFieldIdentifiers = {
  startDate: 'anticipated_start_date',
  salary: 'salary_amount',
  currency: 'compensation_currency',
  equity: 'equity',
  jobTitle: 'job_title',
  candidateName: 'candidate_name',
  posting: 'job_posting',
  requisition: 'requisition',
  salaryInterval: 'salary_interval',
};

/** Behaviour switches of the fake Lever (see `FakeLeverOptions`). */
export interface LeverBehaviour {
  uniqueRequisitionCodes: boolean;
  writeResponseShape: 'read' | 'internal';
  defaultPageSize: number;
  offerFields: OfferFieldIdentifiers;
  /**
   * `drifted`: requisition GETs answer in a shape that moved (`team` renamed `teamName`,
   * `headcountTotal` a string, `location` nested as `{ name }`), as a changed API might.
   */
  requisitionShape: 'documented' | 'drifted';
}

/** What every route module gets: the live store (replaced on seed), time, randomness and switches. */
export interface LeverContext {
  store: LeverStore;
  readonly clock: Clock;
  readonly random: Random;
  readonly behaviour: LeverBehaviour;
}
