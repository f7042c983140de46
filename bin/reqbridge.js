#!/usr/bin/env node
// Launcher for the `reqbridge` CLI. The CLI is TypeScript run by Node 24's type
// stripping; on an older system Node this re-runs it with the project's Node 24
// (the `node` devDependency), so `npx reqbridge` works everywhere.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../src/main/cli/main.ts', import.meta.url));
const major = Number(process.versions.node.split('.')[0]);
let node = process.execPath;
if (major < 24) {
  const local = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(local)) {
    console.error('ReqBridge needs Node 24 or newer. Run npm install in the ReqBridge folder, or install Node 24.');
    process.exit(2);
  }
  node = local;
}
const result = spawnSync(node, [entry, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
