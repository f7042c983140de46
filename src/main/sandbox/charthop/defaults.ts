// A minimal seed: one org and two tokens, so a bare `createFakeChartHop()`
// answers authenticated calls. The demo-data generator builds richer seeds.
import type { ChartHopSeed } from './state.ts';

/** Id of the org in {@link minimalChartHopSeed}. */
export const MINIMAL_ORG_ID = '5f0000000000000000000001';
/** Owner-access token of {@link minimalChartHopSeed}. */
export const MINIMAL_OWNER_TOKEN = 'charthop-owner-token';
/** Read-only token of {@link minimalChartHopSeed}. */
export const MINIMAL_READ_TOKEN = 'charthop-read-token';

/** One org (`acme`), an OWNER token and a READ token; no groups, people or jobs. */
export function minimalChartHopSeed(): ChartHopSeed {
  const at = '2025-01-01T00:00:00Z';
  return {
    orgs: [
      {
        id: MINIMAL_ORG_ID,
        name: 'Acme',
        slug: 'acme',
        status: 'ACTIVE',
        timezone: 'America/New_York',
        currencies: ['USD'],
        domains: ['acme.example'],
        createAt: at,
        updateAt: at,
      },
    ],
    tokens: [
      {
        token: MINIMAL_OWNER_TOKEN,
        userId: '5f00000000000000000000a1',
        name: 'ReqBridge (owner)',
        access: 'OWNER',
        orgIds: [MINIMAL_ORG_ID],
      },
      {
        token: MINIMAL_READ_TOKEN,
        userId: '5f00000000000000000000a2',
        name: 'ReqBridge (read-only)',
        access: 'READ',
        orgIds: [MINIMAL_ORG_ID],
      },
    ],
    groups: [],
    persons: [],
    fields: [],
    changes: [],
  };
}
