import { useUnsavedStore } from '../stores/useUnsavedStore.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { listAnd } from '../lib/wording.ts';

/** The app's one "Discard unsaved changes?" question, asked before a profile switch or a page change would lose edits. */
export function UnsavedChangesDialog() {
  const question = useUnsavedStore((s) => s.question);
  const answer = useUnsavedStore((s) => s.answer);
  const what = question ? listAnd(question.unsaved) : '';
  return (
    <ConfirmDialog
      open={question !== null}
      title="Discard unsaved changes?"
      confirmLabel={question ? `Discard and ${question.action}` : 'Discard'}
      danger
      onCancel={() => answer(false)}
      onConfirm={() => answer(true)}
    >
      <p data-testid="unsaved-what">
        You changed {what} without saving. {question?.cause === 'switch-profile' ? 'Switching profiles' : 'Leaving this page'} discards
        those changes. To keep them, cancel and press Save first.
      </p>
    </ConfirmDialog>
  );
}
