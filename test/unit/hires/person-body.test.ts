// The person ChartHop gets for a new hire, and the name ReqBridge shows for a ChartHop person in
// its reasons: a candidate without a name still gets a last name ChartHop accepts (the email's
// local part), and a person's name is shown without blank or missing parts.
import { describe, expect, it } from 'vitest';
import { personBody, personName } from '../../../src/main/core/hires/create-hire.ts';
import type { HireFacts } from '../../../src/main/core/hires/lever-facts.ts';
import type { ChartHopPerson } from '../../../src/main/core/charthop/schemas.ts';

const facts = (over: Partial<HireFacts>): HireFacts => ({
  opportunityId: 'opp-7',
  hired: true,
  hiredAt: 1,
  name: null,
  emails: [],
  phones: [],
  location: null,
  requisition: null,
  offer: null,
  ...over,
});

describe('the person body of a candidate without a name', () => {
  it("takes the last name from the first email's local part", () => {
    expect(personBody(facts({ emails: ['ada.l@example.org', 'ada@home.example'] }))).toEqual({
      name: { last: 'ada.l' },
      contacts: [
        { type: 'HOME_EMAIL', format: 'EMAIL', value: 'ada.l@example.org' },
        { type: 'HOME_EMAIL', format: 'EMAIL', value: 'ada@home.example' },
        { type: 'LEVER', format: 'ID', value: 'opp-7' },
      ],
    });
  });

  it('without an email either, the last name is "Candidate"', () => {
    expect(personBody(facts({})).name).toEqual({ last: 'Candidate' });
  });
});

describe("a ChartHop person's display name", () => {
  const person = (name: ChartHopPerson['name']): ChartHopPerson => ({ id: '64b000000000000000000001', name });

  it('joins first and last name', () => {
    expect(personName(person({ first: 'Grace', last: 'Hopper' }))).toBe('Grace Hopper');
  });

  it('leaves out a missing, empty or blank part instead of showing stray spaces', () => {
    expect(personName(person({ last: 'Cher' }))).toBe('Cher');
    expect(personName(person({ first: null, last: 'Cher' }))).toBe('Cher');
    expect(personName(person({ first: '', last: 'Cher' }))).toBe('Cher');
    expect(personName(person({ first: '  ', last: 'Cher' }))).toBe('Cher');
    expect(personName(person({ first: 'Cher', last: ' ' }))).toBe('Cher');
  });

  it('a person without any name is shown by id', () => {
    expect(personName(person(null))).toBe('64b000000000000000000001');
    expect(personName(person({ first: ' ', last: '' }))).toBe('64b000000000000000000001');
  });
});
