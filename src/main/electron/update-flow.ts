/**
 * "Check for updates": the app's version, a check, the download with its progress, and "Restart to
 * update", driven by electron-updater's autoUpdater (injected, so tests drive it with a fake). In
 * packaged builds it also checks once a day in the background; never in development or the browser
 * host. The feed is the build config's `publish` (GitHub Releases), which electron-builder writes
 * into the app as app-update.yml; a build made without one says so instead of showing a raw error.
 */
import type { UpdateStatus } from '../../shared/api/domains/updates.ts';

/** Where the update stands in a packaged build (every phase of the contract's status but `unsupported`). */
export type UpdateState = Exclude<UpdateStatus, { phase: 'unsupported' }>;

/** The part of electron-updater's autoUpdater the flow uses. */
export interface UpdaterLike {
  autoDownload: boolean;
  on(event: 'checking-for-update' | 'update-not-available', listener: () => void): unknown;
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(): void;
}

/** The update flow of a running app. */
export interface UpdateFlow {
  state(): UpdateState;
  check(): Promise<UpdateState>;
  download(): Promise<UpdateState>;
  /** Quits and installs the downloaded update ("Restart to update"). */
  restart(): void;
  /** Stops the daily check. */
  stop(): void;
}

const DAY_MS = 24 * 60 * 60_000;

/** The sentence shown for a failed check or download; the error's own text goes in the details. */
export function updateErrorMessage(during: 'check' | 'download'): string {
  return during === 'check'
    ? 'ReqBridge could not check for updates. Check the internet connection and try again; the details are below.'
    : 'ReqBridge could not download the update. Try again later; the details are below.';
}

/** The sentence shown by a packaged build that carries no update feed (no app-update.yml). */
export const NO_FEED_MESSAGE =
  'This build has no update feed, so it cannot update itself. Install ReqBridge from the Releases page to get updates.';

/** True for electron-updater's failure to read app-update.yml: the build was packaged without a feed. */
export function isMissingFeed(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return (code === 'ENOENT' || text.includes('ENOENT')) && text.includes('app-update.yml');
}

/** Creates the flow; with `packaged`, checks 1 minute after start and then every day. */
export function createUpdateFlow(deps: {
  updater: UpdaterLike;
  version: string;
  packaged: boolean;
  onChange(state: UpdateState): void;
  redact?(text: string): string;
  timers?: {
    setInterval(fn: () => void, ms: number): { unref?(): void };
    setTimeout(fn: () => void, ms: number): { unref?(): void };
    clear(handle: unknown): void;
  };
}): UpdateFlow {
  const redact = deps.redact ?? ((text: string) => text);
  const version = deps.version;
  let current: UpdateState = { phase: 'idle', version };
  let during: 'check' | 'download' = 'check';
  const set = (next: UpdateState): void => {
    current = next;
    deps.onChange(next);
  };
  deps.updater.autoDownload = false;
  deps.updater.on('checking-for-update', () => set({ phase: 'checking', version }));
  deps.updater.on('update-not-available', () => set({ phase: 'not-available', version }));
  deps.updater.on('update-available', (info) => set({ phase: 'available', version, next: info.version }));
  deps.updater.on('download-progress', (progress) => {
    const next = 'next' in current ? current.next : '';
    set({ phase: 'downloading', version, next, percent: Math.max(0, Math.min(100, Math.round(progress.percent))) });
  });
  deps.updater.on('update-downloaded', (info) => set({ phase: 'downloaded', version, next: info.version }));
  // electron-updater both emits 'error' and rejects the call: the first of the two is shown.
  const fail = (error: unknown, stage: 'check' | 'download'): void => {
    if (current.phase === 'error' || current.phase === 'no-feed') return;
    if (isMissingFeed(error)) return set({ phase: 'no-feed', version, message: NO_FEED_MESSAGE });
    set({
      phase: 'error',
      version,
      message: updateErrorMessage(stage),
      details: redact((error instanceof Error ? error.message : '') || String(error)),
    });
  };
  deps.updater.on('error', (error) => fail(error, during));

  async function check(): Promise<UpdateState> {
    if (['checking', 'downloading', 'downloaded', 'no-feed'].includes(current.phase)) return current;
    during = 'check';
    // A new try starts clean: its own failure (not the last one's) is what the panel shows.
    if (current.phase === 'error') set({ phase: 'idle', version });
    try {
      await deps.updater.checkForUpdates();
    } catch (error) {
      fail(error, 'check');
    }
    return current;
  }

  async function download(): Promise<UpdateState> {
    if (current.phase !== 'available' && !(current.phase === 'error' && during === 'download')) return current;
    during = 'download';
    if (current.phase === 'error') set({ phase: 'idle', version });
    try {
      await deps.updater.downloadUpdate();
    } catch (error) {
      fail(error, 'download');
    }
    return current;
  }

  const timers = deps.timers ?? {
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms),
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clear: (h: unknown) => clearInterval(h as NodeJS.Timeout),
  };
  const handles: unknown[] = [];
  if (deps.packaged) {
    const first = timers.setTimeout(() => void check(), 60_000);
    const daily = timers.setInterval(() => void check(), DAY_MS);
    first.unref?.();
    daily.unref?.();
    handles.push(first, daily);
  }

  return {
    state: () => current,
    check,
    download,
    restart() {
      if (current.phase === 'downloaded') deps.updater.quitAndInstall();
    },
    stop() {
      for (const handle of handles.splice(0)) timers.clear(handle);
    },
  };
}
