/** Save text as a file through a Blob link (works in Electron and in the browser host). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A name not yet taken: "Acme", else "Acme (imported)", "Acme (imported 2)", … */
export function freeName(wanted: string, taken: readonly string[], suffix: string): string {
  const names = new Set(taken.map((name) => name.toLowerCase()));
  if (!names.has(wanted.toLowerCase())) return wanted;
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? `${wanted} (${suffix})` : `${wanted} (${suffix} ${n})`;
    if (!names.has(candidate.toLowerCase())) return candidate;
  }
}
