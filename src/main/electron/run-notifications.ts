/**
 * Desktop notifications for runs that need the consultant: a failed run, a
 * run stopped for confirmation, or items needing attention. Clicking one opens
 * the run in the app.
 */
import type { RunSummary } from '../../shared/api/sync-views.ts';

/** The part of Electron's Notification the app uses. */
export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}

/** Constructor of notifications (Electron's, or a fake in tests). */
export type NotificationFactory = new (options: { title: string; body: string }) => NotificationLike;

/** The title and body for a run that deserves a notification, or null when it does not. */
export function runNotification(run: RunSummary, profileName: string): { title: string; body: string } | null {
  if (run.status === 'failed')
    return { title: `${profileName}: the run failed`, body: run.error ?? 'Open the run to see what went wrong.' };
  if (run.status === 'needs_confirmation') {
    return {
      title: `${profileName}: the run is waiting for you`,
      body: 'It would close or delete more requisitions than the safety limit allows. Review it before applying.',
    };
  }
  if (run.status === 'partial' || run.counts.failed > 0) {
    return {
      title: `${profileName}: ${run.counts.failed} record${run.counts.failed === 1 ? '' : 's'} failed`,
      body: 'The others were synced. Open the run for the reasons.',
    };
  }
  if (run.counts.attention > 0) {
    const n = run.counts.attention;
    return { title: `${profileName}: ${n} record${n === 1 ? ' needs' : 's need'} attention`, body: 'Open the run to resolve them.' };
  }
  return null;
}

/** Show a notification for `run` when it deserves one; clicking it calls `open`. */
export function notifyRun(Notification: NotificationFactory, run: RunSummary, profileName: string, open: () => void): boolean {
  const content = runNotification(run, profileName);
  if (!content) return false;
  const notification = new Notification(content);
  notification.on('click', open);
  notification.show();
  return true;
}
