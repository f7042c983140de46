/** `reqbridge sandbox [--seed=N] [--jobs=N] …`: the fake Lever and ChartHop servers with demo data, until Ctrl+C. */
import type { CliOutput } from '../output.ts';

/** Start the sandbox servers and serve until SIGINT/SIGTERM (the process stays alive on their sockets). */
export async function runSandboxCommand(argv: readonly string[], out: CliOutput): Promise<number> {
  const { runSandbox } = await import('../../sandbox/main.ts');
  try {
    await runSandbox(argv);
    return 0;
  } catch (error) {
    out.error(`The sandbox could not start: ${(error as Error).message}`);
    return 1;
  }
}
