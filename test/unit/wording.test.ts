// The wording helpers: counted nouns, lists and articles, as the screens use them.
import { describe, expect, it } from 'vitest';
import { afterTheRun, capitalize, countedDeeds, listAnd, plural, regularVerb, withArticle } from '../../src/renderer/src/lib/wording.ts';
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
    expect(listAnd(['the Lever API key', 'the ChartHop API token', 'the ChartHop org'])).toBe(
      'the Lever API key, the ChartHop API token and the ChartHop org',
    );
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

describe('tenses', () => {
  it('forms regular verbs for a plan, a run going and a run done', () => {
    expect(regularVerb('create')).toEqual({ plan: 'create', present: 'creating', past: 'created' });
    expect(regularVerb('link')).toEqual({ plan: 'link', present: 'linking', past: 'linked' });
    expect(capitalize('created 3 requisitions')).toBe('Created 3 requisitions');
    expect(capitalize('')).toBe('');
  });

  it('counts deeds in one tense, naming the noun once', () => {
    const deeds = [
      { verb: regularVerb('create'), count: 3 },
      { verb: regularVerb('update'), count: 0 },
      { verb: regularVerb('link'), count: 1 },
    ];
    const noun = { one: 'requisition', many: 'requisitions' };
    expect(countedDeeds(deeds, noun, 'past')).toBe('created 3 requisitions and linked 1');
    expect(countedDeeds(deeds, noun, 'present')).toBe('creating 3 requisitions and linking 1');
    expect(countedDeeds(deeds, noun, 'plan')).toBe('create 3 requisitions and link 1');
    expect(countedDeeds([{ verb: regularVerb('close'), count: 1 }], noun, 'past')).toBe('closed 1 requisition');
    expect(countedDeeds([], noun, 'past')).toBe('');
  });

  it('tells a plan’s reasons after the run: what was done, or what was meant and not done', () => {
    expect(afterTheRun('Found in Lever by its code: it will be linked to the job.', true)).toBe(
      'Found in Lever by its code: it was linked to the job.',
    );
    expect(afterTheRun('Found in Lever by its code: it will be linked to the job.', false)).toBe(
      'Found in Lever by its code: it was to be linked to the job.',
    );
    expect(afterTheRun("Lever-side edits to Title, Location will be overwritten with ChartHop's values.", true)).toBe(
      "Lever-side edits to Title, Location were overwritten with ChartHop's values.",
    );
    expect(afterTheRun('The job is Passive in ChartHop: the requisition goes on hold. Its 2 linked postings follow (Team).', true)).toBe(
      'The job is Passive in ChartHop: the requisition went on hold. Its 2 linked postings followed (Team).',
    );
    expect(afterTheRun('The requisition is onHold in Lever: the job becomes Inactive.', true)).toBe(
      'The requisition is onHold in Lever: the job became Inactive.',
    );
    expect(afterTheRun('The linked requisition was deleted in Lever: the job stops recruiting (Inactive) and is unlinked.', true)).toBe(
      'The linked requisition was deleted in Lever: the job stopped recruiting (Inactive) and was unlinked.',
    );
    expect(afterTheRun('Restores what run #4 changed.', true)).toBe('Restored what run #4 changed.');
    expect(afterTheRun('Changed in ChartHop since the last sync: Title.', true)).toBe('Changed in ChartHop since the last sync: Title.');
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
    expect(
      metricsCountsSentence({
        created: 0,
        updated: 1,
        closed: 0,
        deleted: 0,
        linked: 0,
        skipped: 2,
        failed: 0,
        attention: 0,
        cancelled: 0,
      }),
    ).toBe('1 job written · 2 unchanged');
  });

  it('an option’s blockers are listed with the shared helper', () => {
    expect(
      whyOptionDisabled('reverseSync', {
        runDaily: false,
        syncOnChange: true,
        reverseSync: false,
        reconciliation: true,
        remoteLocationAsDefault: false,
      }),
    ).toBe('Not available while Sync On Change and Reconciliation are on.');
  });
});
