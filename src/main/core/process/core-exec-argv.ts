/**
 * The Node and V8 options of the core's own process, whichever host starts it (the browser host's
 * `child_process.fork`, the desktop app's `utilityProcess.fork`) and the planning bench.
 *
 * `--max-semi-space-size=16` caps each of the young generation's two semi-spaces at 16 MB. Node 24's
 * V8 grows them to 64 MB on its own, and a plan's short-lived objects then fill up to 128 MB of young
 * space on top of the records the core holds. Measured with `node bench/plan-scale.ts` on 100,000
 * linked records: one outbound plan peaked at 355–369 MB RSS with V8's default and at 276 MB with
 * this cap, and was no slower (it scavenges more often, each scavenge smaller). V8 reads the flag
 * when the process starts only (setting it at run time changes nothing), so it goes on the command line.
 */

/** V8 flags every core process starts with. */
export const CORE_PROCESS_V8_FLAGS: readonly string[] = ['--max-semi-space-size=16'];

/**
 * The `execArgv` of a core process: the options the parent was started with (a preload or a loader a
 * test or a tool added), then `extra`, then {@link CORE_PROCESS_V8_FLAGS}, which win over an earlier
 * value of the same flag.
 */
export function coreExecArgv(inherited: readonly string[], extra: readonly string[] = []): string[] {
  return [...inherited, ...extra, ...CORE_PROCESS_V8_FLAGS];
}
