// How the fake answers people reads. ChartHop documents flat rows keyed by
// the requested `fields=` codes (reference §1.6), but a server may ignore
// `fields=` for codes it does not project and send whole person objects, or
// send contacts as a nested `contact` object. These modes let tests and the
// Sandbox play each shape; `bare` (rows with only id and name) plays an
// answer nobody can read identities from.
import { renderPerson } from './render.ts';
import { projectRow, resolvePerson } from './rows.ts';
import type { RowContext } from './rows.ts';
import type { ChartHopPerson } from './state.ts';

/** The shapes a people read can be answered in. */
export type PeopleAnswerShape = 'flat' | 'whole' | 'nested' | 'bare';

/** Every shape, default first. */
export const PEOPLE_ANSWER_SHAPES: readonly PeopleAnswerShape[] = ['flat', 'whole', 'nested', 'bare'];

/** `WORK_EMAIL` → `workEmail`. */
function contactCode(type: string): string {
  return type.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Default JSON, but with a nested `contact` object (first value of each type) instead of `contacts[]`. */
function nestedPerson(person: ChartHopPerson, ctx: RowContext): Record<string, unknown> {
  const { contacts: _dropped, ...rest } = renderPerson(person, ctx);
  const contact: Record<string, string> = {};
  for (const c of person.contacts) {
    const code = contactCode(c.type);
    if (!(code in contact)) contact[code] = c.value;
  }
  return { ...rest, contact };
}

/** A person as the chosen shape answers it: `fields` are honoured only by `flat`. */
export function answerPerson(
  person: ChartHopPerson,
  ctx: RowContext,
  fields: readonly string[] | undefined,
  shape: PeopleAnswerShape,
): Record<string, unknown> {
  switch (shape) {
    case 'whole':
      return renderPerson(person, ctx);
    case 'nested':
      return nestedPerson(person, ctx);
    case 'bare':
      return { id: person.id, name: { ...person.name } };
    case 'flat':
      return fields ? projectRow((path) => resolvePerson(person, path, ctx), fields) : renderPerson(person, ctx);
  }
}
