/**
 * The injected logger. Every line passes through the redactor, so a secret that
 * reaches a log call by accident is still masked. Sinks are plain functions:
 * stderr for the CLI and host, a file or console in Electron, an array in tests.
 */
import type { Redactor } from './redactor.ts';

/** Severity of a log line. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One structured log line, already redacted. */
export interface LogRecord {
  at: string;
  level: LogLevel;
  message: string;
}

/** The logging port every module receives. */
export interface Logger {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function describe(detail: unknown): string {
  if (detail === undefined) return '';
  if (detail instanceof Error) return ` ${detail.name}: ${detail.message}`;
  try {
    return ` ${JSON.stringify(detail)}`;
  } catch {
    return ` ${String(detail)}`;
  }
}

/** Create a logger writing redacted records at or above `level` to `sink`. */
export function createLogger(options: {
  redactor: Redactor;
  sink: (record: LogRecord) => void;
  level?: LogLevel;
  now?: () => Date;
}): Logger {
  const threshold = ORDER[options.level ?? 'info'];
  const now = options.now ?? (() => new Date());
  const write = (level: LogLevel) => (message: string, detail?: unknown) => {
    if (ORDER[level] < threshold) return;
    options.sink({ at: now().toISOString(), level, message: options.redactor.redact(message + describe(detail)) });
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** A sink that writes one line per record to a stream (stderr for CLI and host). */
export function streamSink(stream: { write(chunk: string): unknown }): (record: LogRecord) => void {
  return (record) => {
    stream.write(`${record.at} ${record.level.toUpperCase()} ${record.message}\n`);
  };
}
