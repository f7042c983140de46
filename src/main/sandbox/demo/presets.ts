// Size presets of the demo data.

/** The app's Sandbox profile: small enough to read, big enough to show every case. */
export const DEMO_SMALL = { seed: 42, jobs: 40, opportunities: 300 } as const;

/** The benchmark size: 10,000 jobs and 100,000 opportunities. */
export const DEMO_LARGE = { seed: 42, jobs: 10_000, opportunities: 100_000 } as const;
