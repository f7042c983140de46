// zod's findings as sentences: a schema's own message as it is, zod's built-in text never; the field named as the screens name it.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requestContract } from '../../src/shared/api/contract.ts';
import { profileExportSchema, profileSettingsSchema } from '../../src/shared/settings/schema.ts';
import { fieldName, issuesSentence, plainErrorMap } from '../../src/shared/validation/issue-sentences.ts';

function sentence(schema: z.ZodType, input: unknown): string {
  const parsed = schema.safeParse(input, { error: plainErrorMap });
  if (parsed.success) throw new Error('expected the input to be refused');
  return issuesSentence(parsed.error.issues);
}

/** Traces of zod's own wording that must never reach a person. */
const RAW = /Too big|Too small|Invalid input|expected string|expected number|<=|>=|Invalid option/;

describe('issue sentences', () => {
  it('a pasted value that is too long gets the schema’s sentence, not zod’s', () => {
    const text = sentence(requestContract['secrets:set'].input, { profileId: 'acme', name: 'leverApiKey', value: 'k'.repeat(5000) });
    expect(text).toBe(
      'That value is longer than 4,096 characters, longer than any key or token. Copy only the key itself and paste it again.',
    );
    expect(text).not.toMatch(RAW);
  });

  it('a file that is not an export says so and what to choose', () => {
    const text = sentence(profileExportSchema, { format: 'something-else', version: 1, exportedAt: 'now', profile: { name: 'X' } });
    expect(text).toBe('That file is not a profile exported from ReqBridge: choose the .json file that Profiles → Export saved.');
  });

  it('issues without a message of their own name the field and what is wrong', () => {
    const text = sentence(profileSettingsSchema, {
      id: 'acme',
      name: 'Acme',
      charthop: { org: 'x'.repeat(81) },
      options: { runDaily: 'yes' },
      sourceOfTruth: 'both',
    });
    expect(text).toContain('The ChartHop org is at most 80 characters');
    expect(text).toContain('The Run Daily switch must be true or false.');
    expect(text).toContain('The source of truth must be "charthop" or "lever".');
    expect(text).not.toMatch(RAW);
    expect(sentence(z.object({ extra: z.string() }).strict(), { extra: 'x', other: 1 })).toBe(
      'The input has settings ReqBridge does not know (other): remove them.',
    );
    expect(sentence(z.object({ json: z.string().max(3) }), { json: 'long' })).toBe(
      'The profile file is too long: keep it to 3 characters or fewer.',
    );
  });

  it('names fields as the screens do, also inside an export file', () => {
    expect(fieldName(['charthop', 'org'])).toBe('The ChartHop org');
    expect(fieldName(['profile', 'webhook', 'publicUrl'])).toBe('The public address');
    expect(fieldName(['metricFields', 'activeOffers'])).toBe('The ChartHop field for Active offers');
    expect(fieldName(['mappings', 'users', 'a@b'])).toBe('A value mapping');
    expect(fieldName([])).toBe('The input');
  });
});
