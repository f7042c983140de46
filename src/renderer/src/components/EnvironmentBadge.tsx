import type { ProfileSummary } from '../../../shared/api/views.ts';

const BADGE_CLASS: Record<ProfileSummary['environment'], string> = {
  Sandbox: 'badge badge-sandbox',
  'Lever sandbox': 'badge badge-lever-sandbox',
  Production: 'badge badge-production',
  EU: 'badge badge-eu',
  Custom: 'badge badge-custom',
};

/**
 * The coloured environment badge of a profile (the text says it too, not only the colour); "Not configured"
 * until the profile's keys and org are set, so a fresh profile never looks like a working Production one.
 */
export function EnvironmentBadge({
  environment,
  configured,
}: {
  environment: ProfileSummary['environment'];
  configured?: boolean | undefined;
}) {
  if (configured === false) {
    return (
      <span className="badge badge-unconfigured" title={`${environment} once its keys and ChartHop org are set in Setup`}>
        Not configured
      </span>
    );
  }
  return <span className={BADGE_CLASS[environment]}>{environment}</span>;
}
