// The wording helpers: counted nouns, lists and articles, as the screens use them.
import { describe, expect, it } from 'vitest';
import { listAnd, plural, withArticle } from '../../src/renderer/src/lib/wording.ts';
import { unmappedList } from '../../src/renderer/src/lib/unmapped.ts';
import { metricsCountsSentence } from '../../src/renderer/src/lib/run-format.ts';
import { whyOptionDisabled } from '../../src/shared/settings/options.ts';

describe('wording', () => {
  it('counts nouns in the singular for one and the plural otherwise', () => {
    expect(plural(1, 'candidate')).toBe('1 candidate');
    expect(plural(0, 'candidate')).toBe('0 candidates');
    expect(plural(3, 'candidate')).toBe('3 candidates');
    expect(plural(2, 'more row is', 'more rows are')).toBe('2 more rows are');
    expect(plural(1, 'more row is', 'more rows are')).toBe('1 more row is');
  });

  it('joins lists with commas and a final "and"', () => {
    expect(listAnd([])).toBe('');
    expect(listAnd(['the Lever API key'])).toBe('the Lever API key');
    expect(listAnd(['the Lever API key', 'the ChartHop org'])).toBe('the Lever API key and the ChartHop org');
    expect(listAnd(['the Lever API key', 'the ChartHop API token', 'the ChartHop org'])).toBe('the Lever API key, the ChartHop API token and the ChartHop org');
  });

  it('puts "a" or "an" by sound, not only by letter', () => {
    expect(withArticle('employment type mapping')).toBe('an employment type mapping');
    expect(withArticle('department mapping')).toBe('a department mapping');
    expect(withArticle('user mapping')).toBe('a user mapping');
    expect(withArticle('location mapping')).toBe('a location mapping');
    expect(withArticle('org')).toBe('an org');
    expect(withArticle('hour')).toBe('an hour');
    expect(withArticle('unmapped value')).toBe('an unmapped value');
  });
});

describe('the sentences the screens build from data', () => {
  it('count one record in the singular and list with a final "and"', () => {
    expect(unmappedList([{ kind: 'employment', value: 'Contractor', records: 1 }])).toBe('employment type “Contractor” (1 record)');
    const four = [
      { kind: 'user' as const, value: 'a@x.example', records: 7 },
      { kind: 'department' as const, value: 'R&D', records: 1 },
      { kind: 'team' as const, value: 'Core', records: 2 },
      { kind: 'location' as const, value: 'Mars', records: 1 },
    ];
    expect(unmappedList(four)).toBe('user “a@x.example” (7 records), department “R&D” (1 record), team “Core” (2 records) and 1 more');
    expect(metricsCountsSentence({ created: 0, updated: 1, closed: 0, deleted: 0, linked: 0, skipped: 2, failed: 0, attention: 0, cancelled: 0 })).toBe('1 job written · 2 unchanged');
  });

  it('an option’s blockers are listed with the shared helper', () => {
    expect(whyOptionDisabled('reverseSync', { runDaily: false, syncOnChange: true, reverseSync: false, reconciliation: true, remoteLocationAsDefault: false })).toBe(
      'Not available while Sync On Change and Reconciliation are on.',
    );
  });
});
