/** Wording helpers for sentences built from data. Counted nouns, lists and articles are shared with main's sentences. */
import { listAnd, plural } from '../../../shared/text/wording.ts';

export { listAnd, plural, withArticle } from '../../../shared/text/wording.ts';

/** The start of a sentence: its first letter in upper case. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** When something is told: as a plan ("create"), while a run is going ("creating"), or once it has happened ("created"). */
export type Tense = 'plan' | 'present' | 'past';

/** A verb's three forms, one per {@link Tense}. */
export interface Verb {
  plan: string;
  present: string;
  past: string;
}

/** A regular verb's forms from its plan form: "create" → "creating", "created"; "link" → "linking", "linked". */
export function regularVerb(plan: string): Verb {
  const stem = plan.endsWith('e') ? plan.slice(0, -1) : plan;
  return { plan, present: `${stem}ing`, past: plan.endsWith('e') ? `${plan}d` : `${plan}ed` };
}

/**
 * Counted deeds in one tense, the noun named once after the first: "created 3 requisitions, updated 2 and linked 1"
 * (past), "creating 3 requisitions and updating 2" (present). Zero counts are left out; "" when all are zero.
 */
export function countedDeeds(
  deeds: ReadonlyArray<{ verb: Verb; count: number }>,
  noun: { one: string; many: string },
  tense: Tense,
): string {
  const shown = deeds.filter((deed) => deed.count > 0);
  return listAnd(
    shown.map((deed, i) => {
      const counted = i === 0 ? plural(deed.count, noun.one, noun.many) : String(deed.count);
      return `${deed.verb[tense]} ${counted}`;
    }),
  );
}

/** Plan sentences as a finished run tells what it did ("will be created" → "was created"), in the order they are tried. */
const DONE_PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/\b(edits to [^.:;]*?) will be\b/g, '$1 were'],
  [/\bwill be\b/g, 'was'],
  [/\bgoes on hold\b/g, 'went on hold'],
  [/\bthe requisition reopens\b/g, 'the requisition reopened'],
  [/\bthe job becomes\b/g, 'the job became'],
  [/\bstops recruiting \(Inactive\) and is unlinked\b/g, 'stopped recruiting (Inactive) and was unlinked'],
  [/\b(postings?) follows? \(/g, '$1 followed ('],
  [/\bChartHop's values win\b/g, "ChartHop's values won"],
  [/\bThey are checked and written only where they differ\b/g, 'They were checked and written only where they differed'],
  [/^Restores what run\b/g, 'Restored what run'],
  [/\bthe link is removed\b/g, 'the link was removed'],
  [/\bit is (reopened|closed)\b/g, 'it was $1'],
];

/** Plan sentences as a run tells what it meant to do but did not (failed, cancelled): "will be created" → "was to be created". */
const MEANT_PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/\b(edits to [^.:;]*?) will be\b/g, '$1 were to be'],
  [/\bwill be\b/g, 'was to be'],
];

/**
 * A plan row's reason, told after the run: what happened (`done`) or what was meant to happen and did not.
 * Only the phrases ReqBridge's plans use are changed; any other text is kept as it is.
 */
export function afterTheRun(sentence: string, done: boolean): string {
  return (done ? DONE_PHRASES : MEANT_PHRASES).reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), sentence);
}
