// Every npm script that runs a file with node points at a file that exists (a renamed entry point must not leave a dead script).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scripts = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('package.json scripts', () => {
  it('run only files that exist', () => {
    const files = Object.entries(scripts).flatMap(([name, command]) =>
      [...command.matchAll(/\bnode\s+(\S+\.(?:ts|js|mjs))/g)].map((m) => ({ name, file: m[1]! })),
    );
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['start', 'dev', 'host', 'sandbox', 'reqbridge', 'bench']));
    for (const { name, file } of files) expect(existsSync(`${root}${file}`), `npm run ${name}: ${file}`).toBe(true);
  });

  it('check the formatting in npm test, with the committed Prettier config', () => {
    expect(scripts['format:check']).toBe('prettier --check .');
    expect(scripts['test:all']).toMatch(/^npm run lint && npm run format:check && /);
    expect(existsSync(`${root}.prettierrc.json`)).toBe(true);
  });
});
