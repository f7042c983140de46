/**
 * The fake ChartHop: `createFakeChartHop(options)` → `{ url, close, control }`,
 * its seed and state types, and the minimal default seed.
 */
export { createFakeChartHop } from './server.ts';
export type { FakeChartHop, FakeChartHopControl, FakeChartHopOptions } from './server.ts';
export { MINIMAL_OWNER_TOKEN, MINIMAL_ORG_ID, MINIMAL_READ_TOKEN, minimalChartHopSeed } from './defaults.ts';
export { emptyChartHopState } from './state.ts';
export type * from './state.ts';
export { PEOPLE_ANSWER_SHAPES } from './people-answer.ts';
export type { PeopleAnswerShape } from './people-answer.ts';
