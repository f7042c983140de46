import { useUnsavedStore } from '../stores/useUnsavedStore.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The app's one "Discard unsaved changes?" question, asked before a profile switch or a page change would lose edits. */
export function UnsavedChangesDialog() {
  const question = useUnsavedStore((s) => s.question);
  const answer = useUnsavedStore((s) => s.answer);
  const what = question ? listOf(question.unsaved) : '';
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
        You changed {what} without saving. {question?.cause === 'switch-profile' ? 'Switching profiles' : 'Leaving this page'} discards those changes.
        To keep them, cancel and press Save first.
      </p>
    </ConfirmDialog>
  );
}
