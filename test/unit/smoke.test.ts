import { describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';

describe('toolchain', () => {
  it('runs on Node 24 with node:sqlite', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
    const db = new DatabaseSync(':memory:');
    expect(db.prepare('select 1 as one').get()).toEqual({ one: 1 });
  });
});
