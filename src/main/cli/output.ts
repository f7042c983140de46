/** The CLI's output layer: the only place in the app that writes to the terminal. */

/** Where CLI output goes (injected so commands are testable in-process). */
export interface CliOutput {
  /** A line for the user (stdout). */
  line(text?: string): void;
  /** A JSON document (stdout), for `--json`. */
  json(value: unknown): void;
  /** An error sentence (stderr). */
  error(text: string): void;
}

/** Output to the process's stdout and stderr. */
export function processOutput(): CliOutput {
  return {
    line: (text = '') => console.log(text),
    json: (value) => console.log(JSON.stringify(value, null, 2)),
    error: (text) => console.error(text),
  };
}

/** Format rows as an aligned text table. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
