/** What is wrong with one field, shown right under it and tied to it (aria-describedby, aria-invalid). */
export function FieldProblem({ id, problem }: { id: string; problem: string | null }) {
  if (!problem) return null;
  return (
    <p className="field-problem" id={`${id}-problem`} data-testid={`${id}-problem`}>
      {problem}
    </p>
  );
}

/** The attributes that tie a field to its problem sentence (and to its hint, when it has one). */
export function problemProps(id: string, problem: string | null, hintId?: string): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  const describedBy = [problem ? `${id}-problem` : null, hintId ?? null].filter(Boolean).join(' ');
  return { ...(problem ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) };
}

/** After a refused Save: puts the focus on the first field (by input id) that has a problem, so its sentence is read out. */
export function focusFirstProblem(fields: ReadonlyArray<readonly [id: string, problem: string | null]>): boolean {
  const first = fields.find(([, problem]) => problem !== null);
  if (first) document.getElementById(first[0])?.focus();
  return first !== undefined;
}
