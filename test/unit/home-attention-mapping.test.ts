// Home's attention items carry the unmapped values a mapping fixes, so each gets Map… on the card.
import { describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../src/shared/api/doctor-views.ts';
import { profileObjectSchema } from '../../src/shared/settings/schema.ts';
import { attentionItems } from '../../src/renderer/src/lib/home-attention.ts';

const settings = profileObjectSchema.parse({ id: 'acme', name: 'Acme', charthop: { org: 'acme' } });
const base = { settings, statuses: null, hires: [], webhook: null, runs: [], report: undefined, unmapped: null };

describe('Home attention items with unmapped values', () => {
  it('gives a doctor finding the values its items name, leaving out items no mapping fixes', () => {
    const report: DoctorReport = {
      profileId: 'acme',
      startedAt: '2026-12-01T08:00:00.000Z',
      finishedAt: '2026-12-01T08:00:02.000Z',
      ok: true,
      cancelled: false,
      counts: { pass: 0, warn: 1, fail: 0, unverified: 0 },
      checks: [
        {
          id: 'users.match',
          title: 'Hiring managers and recruiters exist in Lever',
          status: 'warn',
          detail: '2 people …',
          fix: 'Map the emails.',
          items: [
            'Ann (recruiter of 1 open job): no work email in ChartHop',
            'Bo (hiring manager of 2 open jobs): no Lever user with the email bo@x.example',
          ],
          mappable: [null, { kind: 'user', value: 'bo@x.example', from: 'charthop' }],
        },
      ],
    };
    const item = attentionItems({ ...base, report }).find((i) => i.text.includes('Hiring managers and recruiters'));
    expect(item?.values).toEqual([{ kind: 'user', value: 'bo@x.example', from: 'charthop' }]);
  });

  it('gives the last plan’s unmapped item the values that say which system they come from', () => {
    const unmapped = {
      source: 'plan' as const,
      runId: null,
      at: '2026-12-01T08:00:00.000Z',
      values: [
        { kind: 'team' as const, value: 'Platform', records: 3, from: 'lever' as const },
        { kind: 'team' as const, value: 'Data', records: 1 },
      ],
    };
    const item = attentionItems({ ...base, unmapped }).find((i) => i.text.startsWith('Unmapped values'));
    expect(item?.values).toEqual([{ kind: 'team', value: 'Platform', from: 'lever' }]);
  });

  it('gives an item without mappable values none', () => {
    const items = attentionItems({ ...base, settings: { ...settings, charthop: { ...settings.charthop, org: '' } } });
    expect(items[0]).not.toHaveProperty('values');
  });
});
