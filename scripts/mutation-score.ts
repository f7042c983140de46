/**
 * `node scripts/mutation-score.ts REPORT.json…`: the mutation score per folder from one or more Stryker
 * JSON reports (reports/mutation/mutation.json, or the reports of runs made folder by folder), as the
 * README reports it. Detected = killed + timed out; undetected = survived + no coverage; mutants that did
 * not compile or were ignored do not count, as in Stryker's own score. A file in several reports counts
 * once, from the report given last.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One mutant's result, as the report's schema has it. */
interface ReportMutant {
  status: string;
}

/** A Stryker JSON report: mutants per source file. */
export interface MutationReport {
  files: Record<string, { mutants: ReportMutant[] }>;
}

/** The counts of one folder. */
export interface FolderScore {
  folder: string;
  killed: number;
  timedOut: number;
  survived: number;
  noCoverage: number;
  /** Did not compile, or ignored: not part of the score. */
  notCounted: number;
  /** Detected of detected + undetected, in %; null when nothing counted. */
  score: number | null;
}

/** The folder a source file is reported under: its directory, e.g. `src/main/core/sync` (undo/ counts with sync). */
export function folderOf(file: string): string {
  const parts = file.replaceAll('\\', '/').split('/');
  const core = parts.indexOf('core');
  if (parts[0] === 'src' && parts[1] === 'main' && core === 2 && parts.length > 4) return parts.slice(0, 4).join('/');
  return parts.slice(0, -1).join('/');
}

/** Scores per folder, sorted by folder, and the total as the last row (folder `all`). */
export function scoreByFolder(reports: readonly MutationReport[]): FolderScore[] {
  const files = new Map<string, ReportMutant[]>();
  for (const report of reports) for (const [file, result] of Object.entries(report.files)) files.set(file, result.mutants);
  const folders = new Map<string, Omit<FolderScore, 'score'>>();
  const total: Omit<FolderScore, 'score'> = { folder: 'all', killed: 0, timedOut: 0, survived: 0, noCoverage: 0, notCounted: 0 };
  for (const [file, mutants] of files) {
    const folder = folderOf(file);
    const row = folders.get(folder) ?? { folder, killed: 0, timedOut: 0, survived: 0, noCoverage: 0, notCounted: 0 };
    folders.set(folder, row);
    for (const { status } of mutants) {
      const key =
        status === 'Killed'
          ? 'killed'
          : status === 'Timeout'
            ? 'timedOut'
            : status === 'Survived'
              ? 'survived'
              : status === 'NoCoverage'
                ? 'noCoverage'
                : 'notCounted';
      row[key] += 1;
      total[key] += 1;
    }
  }
  const withScore = (row: Omit<FolderScore, 'score'>): FolderScore => {
    const detected = row.killed + row.timedOut;
    const counted = detected + row.survived + row.noCoverage;
    return { ...row, score: counted === 0 ? null : Math.round((1000 * detected) / counted) / 10 };
  };
  return [...[...folders.values()].sort((a, b) => a.folder.localeCompare(b.folder)).map(withScore), withScore(total)];
}

/** The table the command prints. */
export function formatScores(rows: readonly FolderScore[]): string {
  const head = `${'folder'.padEnd(34)} ${'score'.padStart(7)} ${'detected'.padStart(9)} ${'of'.padStart(6)} ${'survived'.padStart(9)} ${'no cover'.padStart(9)}`;
  const lines = rows.map((r) => {
    const detected = r.killed + r.timedOut;
    const counted = detected + r.survived + r.noCoverage;
    const score = r.score === null ? '–' : `${r.score.toFixed(1)} %`;
    return `${r.folder.padEnd(34)} ${score.padStart(7)} ${String(detected).padStart(9)} ${String(counted).padStart(6)} ${String(r.survived).padStart(9)} ${String(r.noCoverage).padStart(9)}`;
  });
  return [head, ...lines].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const paths = process.argv.slice(2);
  if (paths.length === 0) {
    process.stderr.write('Give one or more Stryker JSON reports, e.g. node scripts/mutation-score.ts reports/mutation/mutation.json\n');
    process.exit(2);
  }
  const reports = paths.map((path) => JSON.parse(readFileSync(path, 'utf8')) as MutationReport);
  process.stdout.write(`${formatScores(scoreByFolder(reports))}\n`);
}
