/** The Map… dialog's model, kept here for the specs that import it from its first place (test/e2e/pages/map-dialog.ts). */
export { mapDialog } from './pages/map-dialog.ts';
export type { MapDialogModel } from './pages/map-dialog.ts';
