// Which offer field becomes the new hire's start date, salary and currency in ChartHop: identifiers
// as Lever spells them (any case) win over labels, the currency field is never read as the salary,
// and amounts, dates and currency codes typed with noise are read exactly or not at all.
import { describe, expect, it } from 'vitest';
import { readOfferTerms, toIsoDate } from '../../../src/main/core/hires/offer-terms.ts';
import type { LeverOffer } from '../../../src/main/core/lever/schemas.ts';

const offer = (fields: LeverOffer['fields']): LeverOffer => ({ id: 'of-7', status: 'signed', createdAt: 10, fields }) as LeverOffer;

/** The terms read from an offer with one salary field holding `value` (and nothing else). */
const salaryOf = (value: unknown) => readOfferTerms(offer([{ text: 'Base salary', identifier: 'cf_1', value }])).salary;

/** The currency read from an offer whose currency field holds `value`. */
const currencyOf = (value: unknown) => readOfferTerms(offer([{ text: 'Currency', identifier: 'currency', value }])).currency;

describe('which field is read', () => {
  it('finds the fields by their identifier when the form labels them in its own words', () => {
    const terms = readOfferTerms(
      offer([
        { text: 'First day', identifier: 'start_date', value: '2027-02-01' },
        { text: 'Gross annual pay', identifier: 'salary_amount', value: 98000 },
        { text: 'Paid in', identifier: 'compensation_currency', value: 'CHF' },
        { text: 'Grant', identifier: 'grant_shares', value: 400 },
      ]),
    );
    expect(terms).toEqual({ offerId: 'of-7', status: 'signed', startDate: '2027-02-01', salary: 98000, currency: 'CHF', equity: 400 });
  });

  it('matches identifiers whatever their case', () => {
    const terms = readOfferTerms(
      offer([
        { text: 'First day', identifier: 'Start_Date', value: '2027-02-01' },
        { text: 'Gross annual pay', identifier: 'SALARY_AMOUNT', value: 98000 },
      ]),
    );
    expect(terms).toEqual({ offerId: 'of-7', status: 'signed', startDate: '2027-02-01', salary: 98000, currency: null, equity: null });
  });

  it('prefers the field with the salary identifier over an earlier field whose label only mentions salary', () => {
    const terms = readOfferTerms(
      offer([
        { text: 'Salary notes', identifier: 'cf_3', value: 'reviewed after 6 months' },
        { text: 'Amount', identifier: 'salary', value: 71000 },
      ]),
    );
    expect(terms.salary).toBe(71000);
  });

  it('never reads the currency field as the salary, even when its label or identifier says salary', () => {
    const byLabel = readOfferTerms(
      offer([
        { text: 'Salary currency', identifier: 'cf_9', value: 'USD' },
        { text: 'Base pay', identifier: 'cf_1', value: '100,000' },
      ]),
    );
    expect(byLabel).toMatchObject({ salary: 100000, currency: 'USD' });
    const byIdentifier = readOfferTerms(
      offer([
        { text: 'Salary currency', identifier: 'salary', value: 'USD' },
        { text: 'Base pay', identifier: 'cf_1', value: '100,000' },
      ]),
    );
    expect(byIdentifier).toMatchObject({ salary: 100000, currency: 'USD' });
  });

  it('reads fields without an identifier or label by what they do have', () => {
    const terms = readOfferTerms(
      offer([
        { text: null, identifier: null, value: 'ignored' },
        { text: 'Salary', identifier: null, value: 64000 },
        { text: null, identifier: 'currency', value: 'SEK' },
      ]),
    );
    expect(terms).toMatchObject({ salary: 64000, currency: 'SEK' });
  });
});

describe('amounts', () => {
  it('reads a salary typed with a currency word, separators and cents', () => {
    expect(salaryOf('USD 85,000')).toBe(85000);
    expect(salaryOf('85,000.50')).toBe(85000.5);
    expect(salaryOf('€ 1 200 000')).toBe(1200000);
  });

  it('reads no salary from a text without digits, rather than a salary of 0', () => {
    expect(salaryOf('TBD')).toBeNull();
    expect(salaryOf('  ')).toBeNull();
    expect(salaryOf('')).toBeNull();
  });
});

describe('dates', () => {
  it('reads a ms timestamp typed with spaces around it', () => {
    expect(toIsoDate(` ${Date.UTC(2027, 0, 4)} `)).toBe('2027-01-04');
  });

  it('reads no start date from decimals, signs or text around a date', () => {
    for (const junk of ['12.1234567890', '1798934400000.5', '-1798934400000', '2026-03-4(tbc)', '1(2026-03-04']) {
      expect(toIsoDate(junk), junk).toBeNull();
    }
  });
});

describe('currencies', () => {
  it('reads a three-letter code typed in any case with spaces around it, upper case', () => {
    expect(currencyOf(' eur ')).toBe('EUR');
  });

  it('reads no currency from words that merely contain a code', () => {
    for (const junk of ['Euros', 'in USD', 'US$', 'EU']) expect(currencyOf(junk), junk).toBeNull();
  });
});
