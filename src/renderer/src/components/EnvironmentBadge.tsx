import type { ProfileSummary } from '../../../shared/api/views.ts';

const BADGE_CLASS: Record<ProfileSummary['environment'], string> = {
  Sandbox: 'badge badge-sandbox',
  'Lever sandbox': 'badge badge-lever-sandbox',
  Production: 'badge badge-production',
  EU: 'badge badge-eu',
  Custom: 'badge badge-custom',
};

/** The coloured environment badge of a profile (the text says it too, not only the colour). */
export function EnvironmentBadge({ environment }: { environment: ProfileSummary['environment'] }) {
  return <span className={BADGE_CLASS[environment]}>{environment}</span>;
}
