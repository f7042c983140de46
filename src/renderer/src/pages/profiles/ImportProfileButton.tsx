import { useRef } from 'react';
import type { ForeignHost, HostSettings } from '../../../../shared/settings/url-policy.ts';
import { foreignHosts } from '../../../../shared/settings/url-policy.ts';

/** The settings of an export file that point at hosts other than Lever's and ChartHop's own (none when the file is unreadable: the import then says why). */
export function foreignHostsInFile(json: string): ForeignHost[] {
  try {
    const profile = (JSON.parse(json) as { profile?: Partial<HostSettings> }).profile;
    if (!profile) return [];
    return foreignHosts({
      lever: {
        environment: String(profile.lever?.environment ?? 'production'),
        ...(typeof profile.lever?.baseUrl === 'string' ? { baseUrl: profile.lever.baseUrl } : {}),
      },
      charthop: { baseUrl: typeof profile.charthop?.baseUrl === 'string' ? profile.charthop.baseUrl : '' },
      webhook: {
        localtunnelHost: typeof profile.webhook?.localtunnelHost === 'string' ? profile.webhook.localtunnelHost : '',
        publicUrl: typeof profile.webhook?.publicUrl === 'string' ? profile.webhook.publicUrl : '',
      },
    });
  } catch {
    return [];
  }
}

function nameInFile(json: string): string | undefined {
  try {
    const parsed = JSON.parse(json) as { profile?: { name?: unknown } };
    return typeof parsed.profile?.name === 'string' ? parsed.profile.name : undefined;
  } catch {
    return undefined;
  }
}

/** Import a profile from a file exported by ReqBridge (a file input styled as a button). */
export function ImportProfileButton({
  busy,
  onImport,
  onInvalid,
}: {
  busy: boolean;
  onImport: (json: string, name: string | undefined) => Promise<boolean>;
  onInvalid: (message: string) => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <div className="import">
      <input
        ref={inputRef}
        id="import-profile"
        className="file-input"
        type="file"
        accept="application/json,.json"
        disabled={busy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (!file) return;
          file.text().then(
            (json) =>
              onImport(json, nameInFile(json)).finally(() => {
                if (inputRef.current) inputRef.current.value = '';
              }),
            () => onInvalid('ReqBridge could not read that file. Choose a .json file exported from ReqBridge (Profiles → Export).'),
          );
        }}
      />
      <label htmlFor="import-profile" className="button">
        Import a profile…
      </label>
      <p className="field-hint">A file from Export: settings only, keys are never included.</p>
    </div>
  );
}
