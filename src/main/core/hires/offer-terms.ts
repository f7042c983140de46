/**
 * The terms of a Lever offer (lever-api.md §10.8): start date and compensation
 * live in the offer form's `fields`, each `{ text, identifier, value }`. The
 * identifiers are customer-configurable and unverified, so a field is found by
 * identifier first and by a case-insensitive label match second.
 */
import type { LeverOffer } from '../lever/schemas.ts';

/** What a hire takes from the offer. */
export interface OfferTerms {
  offerId: string;
  status: string;
  /** YYYY-MM-DD (UTC date of Lever's ms timestamp), or null when the offer has none. */
  startDate: string | null;
  salary: number | null;
  /** ISO 4217 code, upper case. */
  currency: string | null;
  equity: number | null;
}

type Field = LeverOffer['fields'][number];

interface FieldRule {
  identifiers: readonly string[];
  label: RegExp;
}

const RULES = {
  startDate: { identifiers: ['anticipated_start_date', 'start_date', 'startdate', 'anticipated_start'], label: /start\s*date/i },
  currency: { identifiers: ['compensation_currency', 'salary_currency', 'currency'], label: /currency/i },
  salary: {
    identifiers: ['salary_amount', 'offered_compensation_amount', 'compensation_amount', 'base_salary', 'salary'],
    label: /compensation amount|salary|base pay/i,
  },
  equity: { identifiers: ['offered_equity', 'equity', 'grant_shares', 'stock_options'], label: /equity|stock|shares/i },
} as const satisfies Record<string, FieldRule>;

/** Statuses of an offer that was actually made (not a draft, not denied). */
const MADE = new Set(['signed', 'sent', 'sent-manually', 'opened', 'approved']);

function find(fields: readonly Field[], rule: FieldRule, exclude: ReadonlySet<Field> = new Set()): Field | undefined {
  const byId = fields.find(
    (f) => !exclude.has(f) && typeof f.identifier === 'string' && rule.identifiers.includes(f.identifier.toLowerCase()),
  );
  return byId ?? fields.find((f) => !exclude.has(f) && typeof f.text === 'string' && rule.label.test(f.text));
}

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const cleaned = value.replace(/[\s,_]/g, '').replace(/^[^\d-]+/, '');
    if (cleaned === '') return null;
    const n = Number(cleaned);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** A date value as YYYY-MM-DD: ms timestamps (number or digits) by their UTC date, or an ISO date string. */
export function toIsoDate(value: unknown): string | null {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    const day = value.slice(0, 10);
    return Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ? null : day;
  }
  const ms = typeof value === 'number' ? value : typeof value === 'string' && /^\d{10,}$/.test(value.trim()) ? Number(value) : null;
  if (ms === null || !Number.isFinite(ms)) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

/** The offer a hire is based on: the newest one that was made, else the newest that was not denied; null when none. */
export function pickOffer(offers: readonly LeverOffer[]): LeverOffer | null {
  const newestFirst = [...offers].sort((a, b) => b.createdAt - a.createdAt);
  return newestFirst.find((o) => MADE.has(o.status)) ?? newestFirst.find((o) => o.status !== 'denied') ?? null;
}

/** Reads start date, salary, currency and equity from an offer's fields. */
export function readOfferTerms(offer: LeverOffer): OfferTerms {
  const fields = offer.fields;
  const currencyField = find(fields, RULES.currency);
  const taken = new Set<Field>(currencyField ? [currencyField] : []);
  const salaryField = find(fields, RULES.salary, taken);
  const currency =
    typeof currencyField?.value === 'string' && /^[A-Za-z]{3}$/.test(currencyField.value.trim())
      ? currencyField.value.trim().toUpperCase()
      : null;
  return {
    offerId: offer.id,
    status: offer.status,
    startDate: toIsoDate(find(fields, RULES.startDate)?.value),
    salary: toNumber(salaryField?.value),
    currency,
    equity: toNumber(find(fields, RULES.equity)?.value),
  };
}
