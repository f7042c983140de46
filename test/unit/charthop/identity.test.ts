// The one reader of identifying values: every documented answer shape reads the same, and a row
// that holds none of them is unreadable (never "no such person / job").
import { describe, expect, it } from 'vitest';
import {
  IdentityUnreadableError,
  isIdentityUnreadable,
  jobKeyValue,
  personEmails,
  personLeverIds,
} from '../../../src/main/core/charthop/identity.ts';

const emails = (row: unknown, kinds?: Parameters<typeof personEmails>[1]) => {
  const read = personEmails(row, kinds);
  return read.readable ? read.value : 'unreadable';
};

describe('personEmails', () => {
  it('reads flat projected rows in any letter case, personal email included', () => {
    expect(emails({ id: 'p1', 'contact.workEmail': 'ada@acme.example', 'contact.homeEmail': null })).toEqual(['ada@acme.example']);
    expect(emails({ id: 'p1', 'CONTACT.WORKEMAIL': ' Ada@Acme.example ', 'contact.personalemail': 'ada@home.example' })).toEqual([
      'Ada@Acme.example',
      'ada@home.example',
    ]);
  });

  it('reads a flat row whose email fields are all empty as readable, with no address', () => {
    expect(emails({ id: 'p1', 'contact.workEmail': null, 'contact.homeEmail': '' })).toEqual([]);
  });

  it('reads a nested contact object', () => {
    expect(emails({ id: 'p1', contact: { workEmail: 'w@x.example', HomeEmail: 'h@x.example', mobilePhone: '+1 555' } })).toEqual([
      'w@x.example',
      'h@x.example',
    ]);
  });

  it('reads the contacts array by format or by an *_EMAIL type', () => {
    const row = {
      id: 'p1',
      contacts: [
        { type: 'HOME_EMAIL', format: 'EMAIL', value: 'h@x.example' },
        { type: 'WORK_EMAIL', value: 'w@x.example' },
        { type: 'MOBILE_PHONE', format: 'PHONE', value: '+1 555' },
        { type: 'LEVER', format: 'ID', value: 'opp-1' },
      ],
    };
    expect(emails(row)).toEqual(['h@x.example', 'w@x.example']);
    expect(emails({ id: 'p1', contacts: [] })).toEqual([]);
  });

  it('reads top-level email keys of a write body', () => {
    expect(emails({ name: { last: 'L' }, homeEmail: 'h@x.example' })).toEqual(['h@x.example']);
  });

  it('narrows to the asked kinds in every shape', () => {
    expect(emails({ 'contact.workEmail': 'w@x.example', 'contact.homeEmail': 'h@x.example' }, ['work'])).toEqual(['w@x.example']);
    expect(emails({ contact: { workEmail: 'w@x.example', homeEmail: 'h@x.example' } }, ['work'])).toEqual(['w@x.example']);
    expect(
      emails(
        {
          contacts: [
            { type: 'HOME_EMAIL', format: 'EMAIL', value: 'h@x.example' },
            { type: 'WORK_EMAIL', format: 'EMAIL', value: 'w@x.example' },
          ],
        },
        ['work'],
      ),
    ).toEqual(['w@x.example']);
  });

  it('calls a row without any email shape unreadable, and says why', () => {
    const read = personEmails({ id: 'p1', name: { first: 'Ada', last: 'L' } });
    expect(read.readable).toBe(false);
    expect(read.readable ? '' : read.why).toMatch(/no email field/);
    expect(personEmails('p1').readable).toBe(false);
    expect(personEmails(null).readable).toBe(false);
    expect(personEmails(['a@b.example']).readable).toBe(false);
  });
});

describe('personLeverIds', () => {
  const ids = (row: unknown) => {
    const read = personLeverIds(row);
    return read.readable ? read.value : 'unreadable';
  };

  it('reads the Lever mark from contacts[], a flat contact.lever key and a nested contact object', () => {
    expect(
      ids({
        contacts: [
          { type: 'lever', value: 'opp-1' },
          { type: 'HOME_EMAIL', value: 'h@x.example' },
        ],
      }),
    ).toEqual(['opp-1']);
    expect(ids({ 'Contact.Lever': 'opp-2' })).toEqual(['opp-2']);
    expect(ids({ contact: { homeEmail: 'h@x.example', lever: 'opp-3' } })).toEqual(['opp-3']);
  });

  it('reads "no mark" when the contacts are there without one, and unreadable when there are no contacts at all', () => {
    expect(ids({ contacts: [{ type: 'HOME_EMAIL', value: 'h@x.example' }] })).toEqual([]);
    expect(ids({ contact: { homeEmail: 'h@x.example' } })).toEqual([]);
    expect(ids({ id: 'p1', name: { last: 'L' } })).toBe('unreadable');
  });
});

describe('jobKeyValue', () => {
  const value = (row: unknown, field: string) => {
    const read = jobKeyValue(row, field);
    return read.readable ? read.value : 'unreadable';
  };

  it('reads a flat key in any case, a top-level built-in code, and a code under fields', () => {
    expect(value({ id: 'j1', req: ' ENG-1 ' }, 'req')).toBe('ENG-1');
    expect(value({ id: 'j1', LEVERREQID: 'r-1' }, 'leverReqId')).toBe('r-1');
    expect(value({ id: 'j1', fields: { leverReqId: 'r-2' } }, 'leverReqId')).toBe('r-2');
  });

  it('reads a present empty value as null, and a row without the code anywhere as unreadable', () => {
    expect(value({ id: 'j1', req: null }, 'req')).toBeNull();
    expect(value({ id: 'j1', req: '  ' }, 'req')).toBeNull();
    expect(value({ id: 'j1', title: 'Engineer', fields: {} }, 'req')).toBe('unreadable');
  });
});

describe('IdentityUnreadableError', () => {
  it('is an AppError with a sentence naming what could not be verified and that nothing was created', () => {
    const error = new IdentityUnreadableError({
      system: 'ChartHop',
      what: 'a ChartHop person with the email a@b.example',
      why: 'it holds no email field',
      rows: 2,
    });
    expect(isIdentityUnreadable(error)).toBe(true);
    expect(isIdentityUnreadable(new Error('x'))).toBe(false);
    expect(error.code).toBe('identity.unreadable');
    expect(error.message).toBe(
      'ReqBridge could not tell whether a ChartHop person with the email a@b.example already exists: ChartHop answered the search with 2 rows it cannot read (it holds no email field), so nothing was created.',
    );
  });
});
