/** `reqbridge sandbox`: the fake Lever and ChartHop servers with demo data, until Ctrl+C. */
import type { CliOutput } from '../output.ts';

/** Start the sandbox servers and serve until SIGINT/SIGTERM. */
export async function runSandboxCommand(out: CliOutput): Promise<number> {
  out.error('The sandbox servers are not part of this build yet.');
  return 1;
}
