import { goTo } from '../lib/app-actions.ts';
import type { Attention } from '../lib/attention.ts';
import { hiresAttention, optionsAttention, runsAttention, setupAttention } from '../lib/attention.ts';
import type { Route } from '../lib/routes.ts';
import { ROUTES, ROUTE_LABELS } from '../lib/routes.ts';
import { useDoctorStore } from '../stores/useDoctorStore.ts';
import { useHiresStore } from '../stores/useHiresStore.ts';
import { useRouteStore } from '../stores/useRouteStore.ts';
import { useRunsStore } from '../stores/useRunsStore.ts';
import { useWebhookStore } from '../stores/useWebhookStore.ts';
import { useSecretsStore } from '../stores/useSecretsStore.ts';
import { isDraftDirty, useSettingsStore } from '../stores/useSettingsStore.ts';
import { ProfileSwitcher } from './ProfileSwitcher.tsx';
import { StatusDot } from './StatusDot.tsx';

const ICONS: Record<Route, string> = { home: '⌂', setup: '✓', options: '⚙', runs: '↻', hires: '☺', profiles: '☰' };

/** The left rail: profile switcher on top, then the sections with a status dot where something needs attention. */
export function Rail() {
  const route = useRouteStore((s) => s.route);
  const saved = useSettingsStore((s) => s.saved);
  const dirty = useSettingsStore((s) => isDraftDirty(s.saved, s.draft));
  const statuses = useSecretsStore((s) => s.statuses);
  const statusesLoaded = useSecretsStore((s) => Object.keys(s.statuses).length > 0);
  const report = useDoctorStore((s) => (saved ? s.reports[saved.id] : undefined));
  const runs = useRunsStore((s) => s.runs);
  const hires = useHiresStore((s) => s.hires);
  const webhook = useWebhookStore((s) => s.status);

  const attention: Partial<Record<Route, Attention>> = {
    setup: setupAttention(saved, statuses, statusesLoaded, report),
    options: optionsAttention(saved, dirty),
    runs: runsAttention(runs),
    hires: hiresAttention(hires, webhook),
  };

  return (
    <aside className="rail">
      <div className="rail-brand">
        <span className="brand-mark" aria-hidden="true">
          ⇄
        </span>{' '}
        ReqBridge
      </div>
      <ProfileSwitcher />
      <nav aria-label="Sections">
        <ul className="rail-nav">
          {ROUTES.map((name) => (
            <li key={name}>
              <a
                href={`#/${name}`}
                className="rail-link"
                aria-current={route === name ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  void goTo(name);
                }}
              >
                <span className="rail-icon" aria-hidden="true">
                  {ICONS[name]}
                </span>
                <span className="rail-label">{ROUTE_LABELS[name]}</span>
                <StatusDot attention={attention[name] ?? 'none'} />
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  );
}
