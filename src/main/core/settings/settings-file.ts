/**
 * The settings file's shape and the storage port behind it. Every host stores it
 * through conf (the desktop app's engine process, the browser host, the CLI), on
 * the same JSON file, written atomically, that the desktop app wrote through
 * electron-store (built on conf) while its core ran in Electron's main process:
 * the app and the CLI see the same profiles.
 */
import { z } from 'zod';
import { SANDBOX_PROFILE_ID } from '../../../shared/settings/schema.ts';

/** The settings file name (without `.json`), as conf and electron-store name it. */
export const SETTINGS_FILE_NAME = 'settings';

/** Storage of the whole settings document. Reads are fresh from disk each time. */
export interface SettingsBacking {
  /** The raw document, or an empty object when the file does not exist yet. */
  read(): Record<string, unknown>;
  /** Replace the whole document (atomic write). */
  write(document: SettingsDocument): void;
  /** Where the document lives, for error messages. */
  readonly location: string;
}

/** The settings document: every profile's non-secret settings and the selection. */
export const settingsDocumentSchema = z.object({
  version: z.literal(1).default(1),
  selectedProfileId: z.string().default(SANDBOX_PROFILE_ID),
  profiles: z.record(z.string(), z.unknown()).default({}),
  preferences: z
    .object({
      startAtLogin: z.boolean().default(false),
      schedulesPaused: z.boolean().default(false),
    })
    .default({ startAtLogin: false, schedulesPaused: false }),
});

/** App-wide preferences (not per profile). */
export type Preferences = SettingsDocument['preferences'];

/** The parsed settings document (profiles still raw: each is validated on its own). */
export type SettingsDocument = z.output<typeof settingsDocumentSchema>;

/** A backing held in memory, for unit tests. */
export function createMemoryBacking(initial: Record<string, unknown> = {}): SettingsBacking & { writes: number } {
  let document: Record<string, unknown> = structuredClone(initial);
  return {
    location: 'memory',
    writes: 0,
    read: () => structuredClone(document),
    write(next) {
      document = structuredClone(next);
      this.writes += 1;
    },
  };
}
