// The logger's own contract: a record at exactly the threshold is written, details of any shape
// are described (even ones JSON cannot serialise), and the stream sink writes one line per record.
import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../../src/main/core/logging/logger.ts';
import { createLogger, streamSink } from '../../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../../src/main/core/logging/redactor.ts';

const AT = new Date(Date.UTC(2026, 11, 7, 6, 0, 0));

function logged(level?: 'debug' | 'info' | 'warn' | 'error') {
  const records: LogRecord[] = [];
  const logger = createLogger({ redactor: createRedactor(), sink: (r) => records.push(r), now: () => AT, ...(level ? { level } : {}) });
  return { logger, records };
}

describe('logger', () => {
  it('writes records at the threshold and above, none below (info by default)', () => {
    const byDefault = logged();
    byDefault.logger.debug('d');
    byDefault.logger.info('i');
    byDefault.logger.warn('w');
    expect(byDefault.records.map((r) => r.level)).toEqual(['info', 'warn']);
    const warn = logged('warn');
    warn.logger.info('i');
    warn.logger.warn('w');
    warn.logger.error('e');
    expect(warn.records.map((r) => `${r.level}:${r.message}`)).toEqual(['warn:w', 'error:e']);
    expect(warn.records[0]?.at).toBe('2026-12-07T06:00:00.000Z');
  });

  it('describes a detail as JSON, or as text when JSON cannot hold it', () => {
    const { logger, records } = logged('debug');
    logger.info('counts', { created: 2, skipped: [1] });
    const circular: Record<string, unknown> = { name: 'loop' };
    circular['self'] = circular;
    logger.info('circular', circular);
    logger.info('big', 12n);
    logger.info('plain');
    expect(records.map((r) => r.message)).toEqual(['counts {"created":2,"skipped":[1]}', 'circular [object Object]', 'big 12', 'plain']);
  });
});

describe('stream sink', () => {
  it('writes one line per record: time, level in capitals, message', () => {
    const chunks: string[] = [];
    const sink = streamSink({ write: (chunk: string) => chunks.push(chunk) });
    sink({ at: '2026-12-07T06:00:00.000Z', level: 'warn', message: 'slow answer' });
    sink({ at: '2026-12-07T06:00:01.000Z', level: 'error', message: 'failed' });
    expect(chunks).toEqual(['2026-12-07T06:00:00.000Z WARN slow answer\n', '2026-12-07T06:00:01.000Z ERROR failed\n']);
  });
});
