/**
 * Deterministic demo data for the sandbox servers: `generateDemoData(options)`
 * → `{ lever, charthop, credentials, facts }`, plus size presets.
 */
export { generateDemoData, MIN_DEMO_JOBS } from './generate.ts';
export { DEMO_LARGE, DEMO_SMALL } from './presets.ts';
export { DEMO_DEFAULT_NOW } from './types.ts';
export type { DemoCredentials, DemoData, DemoDataOptions, DemoEmailMismatch, DemoFacts, DemoLeverKeys } from './types.ts';
