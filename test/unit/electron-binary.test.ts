import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electron-binary.ts';
import { summarizeInstallError } from '../../scripts/electron-download.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const temp = makeTempDir();
afterAll(() => temp.cleanup());

describe('finding the Electron binary without downloading it', () => {
  it('reports a missing package, a never-downloaded binary, and a present one', () => {
    expect(findElectronBinary(temp.path, {})).toMatchObject({ path: null, reason: expect.stringContaining('not installed') });
    mkdirSync(join(temp.path, 'node_modules', 'electron', 'dist'), { recursive: true });
    expect(findElectronBinary(temp.path, {})).toMatchObject({ path: null, reason: expect.stringContaining('never downloaded') });
    writeFileSync(join(temp.path, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(findElectronBinary(temp.path, {})).toMatchObject({ path: null, reason: expect.stringContaining('missing at') });
    writeFileSync(join(temp.path, 'node_modules', 'electron', 'dist', 'electron'), '');
    expect(findElectronBinary(temp.path, {})).toEqual({ path: join(temp.path, 'node_modules', 'electron', 'dist', 'electron') });
  });
});

describe('the Electron download failure in one line', () => {
  it('takes the error line, not the stack, and drops credentials from URLs', () => {
    expect(
      summarizeInstallError('HTTPError: Response code 404 for https://user:pw@mirror.example/v45/x.zip\n    at foo (bar.js:1:1)\n'),
    ).toBe('HTTPError: Response code 404 for https://mirror.example/v45/x.zip');
    expect(summarizeInstallError('')).toBe('no details');
  });
});
