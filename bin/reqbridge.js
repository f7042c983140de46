#!/usr/bin/env node
// Launcher for the `reqbridge` CLI. The CLI is TypeScript run by Node 24's type
// stripping. On Node 24+ it runs in this process; on an older system Node it is
// re-run with the project's Node 24 (the `node` devDependency), forwarding
// Ctrl+C and termination to it, so `npx reqbridge` works everywhere.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../src/main/cli/main.ts', import.meta.url);
const major = Number(process.versions.node.split('.')[0]);

if (major >= 24) {
  const { runCli } = await import(entry.href);
  const code = await runCli(process.argv.slice(2));
  if (code !== 0 || process.argv[2] !== 'sandbox') process.exitCode = code;
} else {
  const local = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(local)) {
    console.error('ReqBridge needs Node 24 or newer. Run npm install in the ReqBridge folder, or install Node 24.');
    process.exit(2);
  }
  const child = spawn(local, [fileURLToPath(entry), ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
