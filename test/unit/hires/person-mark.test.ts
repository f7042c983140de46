// ReqBridge recognises a ChartHop person as the one it created for a hire only by the LEVER contact
// that holds that very opportunity's id; any other mark belongs to someone else.
import { describe, expect, it } from 'vitest';
import type { ChartHopPerson } from '../../../src/main/core/charthop/schemas.ts';
import { isPersonOf, LEVER_CONTACT_TYPE, personBody } from '../../../src/main/core/hires/create-hire.ts';

const person = (contacts: { type: string; value: string }[] | undefined): ChartHopPerson => ({ id: 'p-1', contacts }) as ChartHopPerson;

describe('the person of an opportunity', () => {
  it('is the person whose LEVER contact holds this opportunity id (any case of the type)', () => {
    expect(
      isPersonOf(
        person([
          { type: 'HOME_EMAIL', value: 'a@example.net' },
          { type: 'LEVER', value: 'opp-1' },
        ]),
        'opp-1',
      ),
    ).toBe(true);
    expect(isPersonOf(person([{ type: 'lever', value: 'opp-1' }]), 'opp-1')).toBe(true);
  });

  it('is never a person marked for another opportunity, one with the id under another contact type, or one without contacts', () => {
    expect(isPersonOf(person([{ type: 'LEVER', value: 'opp-2' }]), 'opp-1')).toBe(false);
    expect(isPersonOf(person([{ type: 'HOME_EMAIL', value: 'opp-1' }]), 'opp-1')).toBe(false);
    expect(isPersonOf(person([]), 'opp-1')).toBe(false);
    expect(isPersonOf(person(undefined), 'opp-1')).toBe(false);
  });

  it('is what the created person carries: the body marks it with this opportunity', () => {
    const body = personBody({
      opportunityId: 'opp-7',
      hired: true,
      hiredAt: null,
      name: 'Ada Lovelace',
      emails: ['ada@example.net'],
      phones: [],
      location: null,
      requisition: null,
      offer: null,
    });
    const contacts = body['contacts'] as { type: string; value: string }[];
    expect(contacts.filter((c) => c.type === LEVER_CONTACT_TYPE)).toEqual([{ type: 'LEVER', format: 'ID', value: 'opp-7' }]);
    expect(isPersonOf(person(contacts), 'opp-7')).toBe(true);
    expect(isPersonOf(person(contacts), 'opp-8')).toBe(false);
  });
});
