/** Read models the contract returns: what the renderer is allowed to see. */

/** A profile in the switcher: identity and environment, nothing secret. */
export interface ProfileSummary {
  id: string;
  name: string;
  kind: 'sandbox' | 'client';
  environment: 'Sandbox' | 'Lever sandbox' | 'Production' | 'EU' | 'Custom';
  /** False until the profile's Lever API key, ChartHop token and org are set (absent where not known). */
  configured?: boolean;
}

/** All profiles and which one is selected. */
export interface ProfilesView {
  selectedId: string;
  profiles: ProfileSummary[];
}

/** Facts about the running app for the About box and diagnostics. */
export interface AppInfo {
  name: 'ReqBridge';
  version: string;
  host: 'electron' | 'browser' | 'cli' | 'test';
  dataDir: string;
  nodeVersion: string;
}
