// The contact details a new hire's ChartHop person is created with: a name ChartHop accepts, phone
// numbers as typed (trimmed, under the right type) and an address only where the Lever location
// names its country, state or province plainly. A wrong derivation writes a wrong address into
// the client's HR records, so each shape of location is pinned to its exact address or to none.
import { describe, expect, it } from 'vitest';
import { addressFromLocation, phoneContacts, splitName } from '../../../src/main/core/hires/contact-info.ts';

describe('names', () => {
  it('a candidate without a name gives no name (the caller falls back to the email), never an invented one', () => {
    expect(splitName(null)).toBeNull();
    expect(splitName(undefined)).toBeNull();
  });
});

describe('phone numbers', () => {
  it('are written trimmed; a blank number is left out', () => {
    expect(
      phoneContacts([
        { type: 'mobile', value: '  +44 20 7946 0018 ' },
        { type: 'home', value: '   ' },
      ]),
    ).toEqual([{ type: 'MOBILE_PHONE', format: 'PHONE', value: '+44 20 7946 0018' }]);
  });

  it('a type ChartHop has no phone type for (fax, pager) is written as a mobile number; types are matched whatever their case', () => {
    expect(
      phoneContacts([
        { type: 'fax', value: '+1 1' },
        { type: 'Work', value: '+1 2' },
      ]),
    ).toEqual([
      { type: 'MOBILE_PHONE', format: 'PHONE', value: '+1 1' },
      { type: 'WORK_PHONE', format: 'PHONE', value: '+1 2' },
    ]);
  });
});

describe('an address from a Lever location', () => {
  it('a US state or Canadian province after the city gives that state, whatever the city and the letter case', () => {
    expect(addressFromLocation('Portland, OR')).toEqual({ country: 'US', city: 'Portland', state: 'OR' });
    expect(addressFromLocation('portland, or')).toEqual({ country: 'US', city: 'portland', state: 'OR' });
    expect(addressFromLocation('Calgary, AB')).toEqual({ country: 'CA', city: 'Calgary', state: 'AB' });
  });

  it('a country named after an unlisted city gives that country and the city', () => {
    expect(addressFromLocation('Hamburg, Germany')).toEqual({ country: 'DE', city: 'Hamburg' });
    expect(addressFromLocation('Porto, Portugal')).toEqual({ country: 'PT', city: 'Porto' });
  });

  it('a two-letter country code after an unlisted city is taken as the country', () => {
    expect(addressFromLocation('Kyiv, UA')).toEqual({ country: 'UA', city: 'Kyiv' });
  });

  it('a middle part between the city and the country is kept as the state', () => {
    expect(addressFromLocation('Munich, Bavaria, Germany')).toEqual({ country: 'DE', city: 'Munich', state: 'Bavaria' });
  });

  it('empty parts between commas are ignored, never written as a blank state', () => {
    expect(addressFromLocation('Hamburg,, Germany')).toEqual({ country: 'DE', city: 'Hamburg' });
    expect(addressFromLocation('Portland, OR,')).toEqual({ country: 'US', city: 'Portland', state: 'OR' });
  });

  it('a last part that is not exactly a known country or a two-capital-letter code gives no address', () => {
    for (const none of ['Hamburg, Bavaria', 'Lviv, Oblast UA', 'Lisbon, PRT', 'Lisbon, P', 'Lisbon, pt1', 'Lisbon, 12']) {
      expect(addressFromLocation(none), none).toBeNull();
    }
  });

  it('a listed city followed by something unknown keeps the city’s own country, not the unknown part', () => {
    expect(addressFromLocation('Paris, XY')).toEqual({ country: 'FR', city: 'Paris' });
  });

  it('a listed city alone gives its country and state, with the city capitalised word by word', () => {
    expect(addressFromLocation('new york')).toEqual({ country: 'US', city: 'New York', state: 'NY' });
    expect(addressFromLocation('san francisco')).toEqual({ country: 'US', city: 'San Francisco', state: 'CA' });
  });

  it('a country alone gives just the country, whatever its case and surrounding spaces', () => {
    expect(addressFromLocation('Germany')).toEqual({ country: 'DE' });
    expect(addressFromLocation('  Germany ')).toEqual({ country: 'DE' });
    expect(addressFromLocation('UNITED KINGDOM')).toEqual({ country: 'GB' });
  });

  it('a state or province code alone is ambiguous and gives no address', () => {
    expect(addressFromLocation('CA')).toBeNull();
    expect(addressFromLocation('OR')).toBeNull();
  });

  it('a location of up to 200 characters is read; a longer one (pasted notes, not a place) gives no address', () => {
    const atLimit = `${'A'.repeat(191)}, Germany`;
    expect(atLimit).toHaveLength(200);
    expect(addressFromLocation(atLimit)).toEqual({ country: 'DE', city: 'A'.repeat(191) });
    const over = `${'A'.repeat(192)}, Germany`;
    expect(addressFromLocation(over)).toBeNull();
  });
});
