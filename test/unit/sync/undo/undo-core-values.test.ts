// Turning the values a run recorded back into the Lever writes that restore them: each field goes
// back exactly (users by email or by the id an unknown user was shown with, compensation parsed
// from its display, a cleared field as null), and a value that cannot be turned back exactly is
// reported, so the undo asks a person instead of writing a guess.
import { describe, expect, it } from 'vitest';
import type { FieldKey } from '../../../../src/main/core/sync/fields.ts';
import { restoreWrites } from '../../../../src/main/core/sync/undo/undo-values.ts';
import { USERS } from '../builders.ts';

const usersByEmail = new Map(USERS.map((u) => [u.email, u]));
const restore = (values: [FieldKey, string | null][]) => restoreWrites(new Map(values), usersByEmail);

describe('restoring the fields a run wrote on a requisition', () => {
  it('writes plain fields back as they were, and a field that was empty before as cleared', () => {
    expect(
      restore([
        ['code', 'ENG-7'],
        ['title', 'Engineer 7'],
        ['status', 'onHold'],
        ['department', null],
        ['team', 'Platform'],
        ['location', null],
        ['employment', 'full-time'],
      ]),
    ).toEqual({
      ok: true,
      changes: {
        requisitionCode: 'ENG-7',
        name: 'Engineer 7',
        status: 'onHold',
        department: null,
        team: 'Platform',
        location: null,
        employmentStatus: 'full-time',
      },
    });
  });

  it('never clears the code, the title or the status (Lever requires them) and never rewrites the confidential flag: it asks instead', () => {
    expect(restore([['code', null]])).toEqual({ ok: false, fields: ['code'] });
    expect(restore([['title', null]])).toEqual({ ok: false, fields: ['title'] });
    expect(restore([['status', null]])).toEqual({ ok: false, fields: ['status'] });
    expect(restore([['confidential', 'non-confidential']])).toEqual({ ok: false, fields: ['confidential'] });
    expect(
      restore([
        ['department', 'Sales'],
        ['confidential', null],
        ['title', null],
      ]),
    ).toEqual({ ok: false, fields: ['confidential', 'title'] });
  });

  it('puts the hiring manager and the recruiter back as the Lever user with that email', () => {
    expect(
      restore([
        ['hiringManager', 'Grace@Acme.example'],
        ['recruiter', ' rick@acme.example '],
      ]),
    ).toEqual({ ok: true, changes: { hiringManager: 'u-grace', owner: 'u-rick' } });
    expect(restore([['recruiter', null]])).toEqual({ ok: true, changes: { owner: null } });
  });

  it('puts back a user shown by id because Lever no longer knew them, even with spaces around', () => {
    expect(restore([['hiringManager', 'Lever user u-gone']])).toEqual({ ok: true, changes: { hiringManager: 'u-gone' } });
    expect(restore([['recruiter', '  Lever user u-old  ']])).toEqual({ ok: true, changes: { owner: 'u-old' } });
  });

  it('asks about a user it cannot find, rather than guessing one or clearing the field', () => {
    expect(restore([['hiringManager', 'nobody@acme.example']])).toEqual({ ok: false, fields: ['hiringManager'] });
    expect(restore([['recruiter', 'Former Lever user u-old']])).toEqual({ ok: false, fields: ['recruiter'] });
    expect(restore([['recruiter', 'Lever user u-old (deactivated)']])).toEqual({ ok: false, fields: ['recruiter'] });
  });

  it('puts compensation back from its display: the amount as the band maximum, the currency in capitals, the Lever interval', () => {
    expect(restore([['compensation', '150000 USD per year']])).toEqual({
      ok: true,
      changes: { compensation: { currency: 'USD', interval: 'per-year-salary', max: 150_000 } },
    });
    expect(restore([['compensation', ' 152.25 eur per hour ']])).toEqual({
      ok: true,
      changes: { compensation: { currency: 'EUR', interval: 'per-hour-wage', max: 152.25 } },
    });
    expect(restore([['compensation', '7 GBP per month']])).toEqual({
      ok: true,
      changes: { compensation: { currency: 'GBP', interval: 'per-month-salary', max: 7 } },
    });
    expect(restore([['compensation', null]])).toEqual({ ok: true, changes: { compensation: null } });
  });

  it('asks about a compensation in a shape it cannot read exactly', () => {
    for (const display of [
      'about 150000 USD per year',
      '150000 USD per year plus bonus',
      '150000 US per year',
      '150000 USD per fortnight',
      '150000. USD per year',
      'USD per year',
    ]) {
      expect(restore([['compensation', display]]), display).toEqual({ ok: false, fields: ['compensation'] });
    }
  });
});
