import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CORE_PROCESS_V8_FLAGS, coreExecArgv } from '../../../src/main/core/process/core-exec-argv.ts';

describe('the core process’s Node options', () => {
  it('keep what the parent was started with, then the extra options, then the core’s V8 flags (which win)', () => {
    expect(coreExecArgv(['--import', 'preload.ts', '--max-semi-space-size=64'], ['--expose-gc'])).toEqual([
      '--import',
      'preload.ts',
      '--max-semi-space-size=64',
      '--expose-gc',
      ...CORE_PROCESS_V8_FLAGS,
    ]);
  });

  it('bound the young generation: a process started with them reports 16 MB semi-spaces, not V8’s own size', () => {
    // V8 reports each semi-space's maximum as part of new space's size: the bound shows in the heap statistics.
    const newSpaceMax = (flags: string[]) => {
      const child = spawnSync(
        process.execPath,
        [
          ...flags,
          '-e',
          // Allocate enough objects that survive a few scavenges for V8 to grow the young generation as far as it
          // may (with only short-lived garbage V8 sometimes keeps it small, which proved nothing).
          "const v8=require('node:v8');let k=[];for(let i=0;i<6e6;i++){k.push({i});if(k.length>1e6)k=[]}console.log(v8.getHeapSpaceStatistics().find(s=>s.space_name==='new_space').space_size)",
        ],
        { encoding: 'utf8' },
      );
      return Number(child.stdout.trim());
    };
    const bounded = newSpaceMax(coreExecArgv([]));
    const unbounded = newSpaceMax([]);
    expect(bounded).toBeGreaterThan(0);
    expect(bounded).toBeLessThanOrEqual(2 * 16 * 1024 * 1024);
    expect(unbounded).toBeGreaterThan(bounded);
  });
});
