import type { ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';

/** Props of the confirmation dialog. */
export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** A third, non-destructive way out (e.g. "Review in Reconcile…"), shown on the left. */
  secondary?: { label: string; onClick: () => void };
}

/** A modal that says what will happen before anything destructive does; Cancel has the focus. */
export function ConfirmDialog({ open, title, children, confirmLabel, danger, busy, onConfirm, onCancel, secondary }: ConfirmDialogProps) {
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={secondary ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        {secondary && (
          <button type="button" className="button dialog-secondary" disabled={busy} onClick={secondary.onClick}>
            {secondary.label}
          </button>
        )}
        <button type="button" ref={cancelRef} className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className={danger ? 'button button-danger' : 'button button-primary'} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
