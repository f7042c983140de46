import { useEngineStore } from '../stores/useEngineStore.ts';

/** Under the top bar: the engine's process stopped and was restarted, or stopped for good. */
export function EngineStatusNotice() {
  const notice = useEngineStore((s) => s.notice);
  if (!notice) return null;
  return (
    <div className="topbar-notice" data-testid="engine-notice">
      <div className={`note ${notice.kind === 'stopped' ? 'note-error' : 'note-warn'}`} role="alert">
        <p>{notice.message}</p>
        {notice.kind === 'restarted' && (
          <div className="note-actions">
            <button type="button" className="link-button" onClick={() => useEngineStore.getState().dismiss()}>
              Dismiss
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
