import type { KeyboardEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import type { UiError } from '../bridge/ui-error.ts';
import { toUiError } from '../bridge/ui-error.ts';
import { selectProfile } from '../lib/app-actions.ts';
import { selectedProfile, useProfilesStore } from '../stores/useProfilesStore.ts';
import { EnvironmentBadge } from './EnvironmentBadge.tsx';
import { ErrorNote } from './ErrorNote.tsx';

/** The profile buttons of the open list. */
function menuItems(menu: HTMLUListElement | null): HTMLButtonElement[] {
  return menu ? [...menu.querySelectorAll<HTMLButtonElement>('.switcher-item')] : [];
}

/** Focus the list's first or last profile. */
function focusItem(menu: HTMLUListElement | null, edge: 'first' | 'last'): void {
  const items = menuItems(menu);
  (edge === 'first' ? items[0] : items[items.length - 1])?.focus();
}

/** Up / Down move between the profiles (wrapping), Home / End go to the first / last; Tab still works as usual. */
function moveFocus(event: KeyboardEvent<HTMLUListElement>, menu: HTMLUListElement | null): void {
  const items = menuItems(menu);
  if (items.length === 0) return;
  const index = items.indexOf(document.activeElement as HTMLButtonElement);
  const target =
    event.key === 'ArrowDown'
      ? items[(index + 1) % items.length]
      : event.key === 'ArrowUp'
        ? items[(index <= 0 ? items.length : index) - 1]
        : event.key === 'Home'
          ? items[0]
          : event.key === 'End'
            ? items[items.length - 1]
            : undefined;
  if (!target) return;
  event.preventDefault();
  target.focus();
}

/** The profile switcher at the top of the rail (a disclosure): current client and environment; pick another from the list. */
export function ProfileSwitcher() {
  const view = useProfilesStore((s) => s.view);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  // Which item to focus once the list has opened from an arrow key on the button.
  const focusOnOpen = useRef<'first' | 'last' | null>(null);
  const menuId = useId();
  const current = selectedProfile(view);

  useEffect(() => {
    if (!open || !focusOnOpen.current) return;
    focusItem(menuRef.current, focusOnOpen.current);
    focusOnOpen.current = null;
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  async function choose(id: string) {
    setOpen(false);
    if (id === view?.selectedId) return;
    try {
      // Asks first when unsaved edits (the Options, an open form) would be lost.
      await selectProfile(id, { rethrow: true });
      setError(null);
    } catch (thrown) {
      setError(toUiError(thrown));
    }
  }

  return (
    <div
      className="switcher"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          rootRef.current?.querySelector<HTMLButtonElement>('.switcher-button')?.focus();
        }
      }}
    >
      <button
        type="button"
        className="switcher-button"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Profile: ${current?.name ?? 'loading'}. Switch profile`}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
          event.preventDefault();
          const edge = event.key === 'ArrowDown' ? 'first' : 'last';
          if (open) focusItem(menuRef.current, edge);
          else {
            focusOnOpen.current = edge;
            setOpen(true);
          }
        }}
      >
        <span className="switcher-caption">Profile</span>
        <span className="switcher-name" data-testid="current-profile">
          {current?.name ?? '…'}
        </span>
        {current && <EnvironmentBadge environment={current.environment} configured={current.configured} />}
        <span className="switcher-chevron" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && view && (
        <ul
          ref={menuRef}
          id={menuId}
          className="switcher-menu"
          aria-label="Profiles"
          onKeyDown={(event) => moveFocus(event, menuRef.current)}
        >
          {view.profiles.map((profile) => (
            <li key={profile.id}>
              <button
                type="button"
                className="switcher-item"
                aria-current={profile.id === view.selectedId ? 'true' : undefined}
                onClick={() => void choose(profile.id)}
              >
                <span className="switcher-item-name">{profile.name}</span>
                <EnvironmentBadge environment={profile.environment} configured={profile.configured} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={error} onDismiss={() => setError(null)} />
    </div>
  );
}
