// A ChartHop client on the sandbox's fake ChartHop, with its owner token, a limiter of its own and a
// logger that writes nothing: for the metrics tests that read or edit ChartHop as the core would.
import { createChartHopClient } from '../../../src/main/core/charthop/client.ts';
import type { ChartHopClient } from '../../../src/main/core/charthop/client.ts';
import { createLimiterRegistry } from '../../../src/main/core/http/limiter-registry.ts';
import type { Sandbox } from '../../../src/main/sandbox/start-sandbox.ts';

/** A ChartHop client on `sandbox`'s fake ChartHop, signed in with its owner token; it logs nothing. */
export function sandboxChartHopClient(sandbox: Sandbox): ChartHopClient {
  return createChartHopClient({
    baseUrl: sandbox.charthop.url,
    token: sandbox.credentials.charthopToken,
    org: sandbox.charthop.org,
    limiter: createLimiterRegistry().get('charthop', sandbox.charthop.url, 't'),
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  });
}
