// What a hire takes from Lever: offer terms (identifier first, label second, the newest offer that
// was made), contact information as ChartHop wants it, and an address derived from a location.
import { describe, expect, it } from 'vitest';
import { addressFromLocation, cleanEmails, phoneContacts, splitName } from '../../../src/main/core/hires/contact-info.ts';
import { personBody } from '../../../src/main/core/hires/create-hire.ts';
import { pickOffer, readOfferTerms, toIsoDate } from '../../../src/main/core/hires/offer-terms.ts';
import type { LeverOffer } from '../../../src/main/core/lever/schemas.ts';

const offer = (over: Partial<LeverOffer> = {}): LeverOffer =>
  ({ id: 'of-1', status: 'signed', createdAt: 10, fields: [], ...over }) as LeverOffer;

describe('offer terms', () => {
  it('reads start date, salary, currency and equity by identifier', () => {
    const terms = readOfferTerms(
      offer({
        fields: [
          { text: 'Anticipated start date', identifier: 'anticipated_start_date', value: Date.UTC(2026, 11, 1) },
          { text: 'Offered compensation amount', identifier: 'salary_amount', value: 120000 },
          { text: 'Compensation currency', identifier: 'compensation_currency', value: 'eur' },
          { text: 'Offered equity', identifier: 'offered_equity', value: '2,500' },
        ],
      }),
    );
    expect(terms).toEqual({ offerId: 'of-1', status: 'signed', startDate: '2026-12-01', salary: 120000, currency: 'EUR', equity: 2500 });
  });

  it('falls back to the labels when the identifiers are custom, without taking the currency for the salary', () => {
    const terms = readOfferTerms(
      offer({
        fields: [
          { text: 'Compensation currency', identifier: 'cf_9', value: 'GBP' },
          { text: 'Base salary', identifier: 'cf_1', value: '£85,000' },
          { text: 'Start date', identifier: 'cf_2', value: '2027-01-04' },
        ],
      }),
    );
    expect(terms).toMatchObject({ startDate: '2027-01-04', salary: 85000, currency: 'GBP', equity: null });
    expect(readOfferTerms(offer()).startDate).toBeNull();
  });

  it('dates: ms numbers or digit strings by their UTC date, ISO strings as given, junk as null', () => {
    expect(toIsoDate(Date.UTC(2026, 0, 31, 23, 0))).toBe('2026-01-31');
    expect(toIsoDate(String(Date.UTC(2026, 1, 2)))).toBe('2026-02-02');
    expect(toIsoDate('2026-03-04T10:00:00Z')).toBe('2026-03-04');
    for (const junk of ['soon', '2026-13-45', null, {}, Number.NaN]) expect(toIsoDate(junk)).toBeNull();
  });

  it('picks the newest offer that was made, not a newer draft or denied one', () => {
    const offers = [
      offer({ id: 'old', createdAt: 1, status: 'signed' }),
      offer({ id: 'new-denied', createdAt: 3, status: 'denied' }),
      offer({ id: 'draft', createdAt: 4, status: 'draft' }),
      offer({ id: 'sent', createdAt: 2, status: 'sent' }),
    ];
    expect(pickOffer(offers)?.id).toBe('sent');
    expect(pickOffer([offer({ id: 'd', status: 'draft' })])?.id).toBe('d');
    expect(pickOffer([offer({ status: 'denied' })])).toBeNull();
    expect(pickOffer([])).toBeNull();
  });
});

describe('contact information', () => {
  it('keeps distinct valid emails in order, splits names, maps phone types and skips Skype', () => {
    expect(cleanEmails([' A@x.org ', 'not-an-email'], ['a@X.org', 'b@y.org'])).toEqual(['A@x.org', 'b@y.org']);
    expect(splitName('Ada Augusta Lovelace')).toEqual({ first: 'Ada Augusta', last: 'Lovelace' });
    expect(splitName('Cher')).toEqual({ last: 'Cher' });
    expect(splitName('  ')).toBeNull();
    expect(
      phoneContacts([
        { type: 'mobile', value: '+1 1' },
        { type: 'skype', value: 'ada.l' },
        { type: 'home', value: '+1 2' },
        { value: '+1 1' },
        { type: 'other', value: '+1 3' },
      ]),
    ).toEqual([
      { type: 'MOBILE_PHONE', format: 'PHONE', value: '+1 1' },
      { type: 'HOME_PHONE', format: 'PHONE', value: '+1 2' },
      { type: 'MOBILE_PHONE', format: 'PHONE', value: '+1 3' },
    ]);
  });

  it('derives an address only when a country can be told', () => {
    expect(addressFromLocation('Austin, TX')).toEqual({ country: 'US', city: 'Austin', state: 'TX' });
    expect(addressFromLocation('Toronto, ON')).toEqual({ country: 'CA', city: 'Toronto', state: 'ON' });
    expect(addressFromLocation('Berlin, Germany')).toEqual({ country: 'DE', city: 'Berlin' });
    expect(addressFromLocation('London, UK')).toEqual({ country: 'GB', city: 'London' });
    expect(addressFromLocation('New York')).toEqual({ country: 'US', city: 'New York', state: 'NY' });
    expect(addressFromLocation('Paris, FR')).toEqual({ country: 'FR', city: 'Paris' });
    for (const none of ['Remote', 'Remote - US', '', null, 'Springfield']) expect(addressFromLocation(none)).toBeNull();
  });

  it('builds the person body with the Lever mark that makes a retry recognise its own person', () => {
    const body = personBody({
      opportunityId: 'opp-9',
      hired: true,
      hiredAt: 1,
      name: 'Grace Hopper',
      emails: ['grace@example.org'],
      phones: [{ type: 'mobile', value: '+1 5' }],
      location: 'Berlin, Germany',
      requisition: null,
      offer: null,
    });
    expect(body).toEqual({
      name: { first: 'Grace', last: 'Hopper' },
      contacts: [
        { type: 'HOME_EMAIL', format: 'EMAIL', value: 'grace@example.org' },
        { type: 'MOBILE_PHONE', format: 'PHONE', value: '+1 5' },
        { type: 'LEVER', format: 'ID', value: 'opp-9' },
      ],
      address: { country: 'DE', city: 'Berlin' },
    });
  });
});
