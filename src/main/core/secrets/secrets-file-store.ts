/**
 * Per-profile secrets from a file, for `reqbridge serve` on a server without a
 * desktop keychain (`REQBRIDGE_SECRETS_FILE`). The file is JSON keyed by
 * profile id or name:
 *
 *     { "acme": { "leverApiKey": "…", "charthopToken": "…", "leverWebhookSignatureToken": "…" } }
 *
 * It is refused while group- or world-readable (POSIX), so a key is never
 * left open to other accounts. Writes (a rotated webhook secret) go back to
 * the file, kept at 0600, through a temporary copy and a rename.
 */
import { chmodSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { SECRET_NAMES } from '../../../shared/secrets/names.ts';
import type { SecretName } from '../../../shared/secrets/names.ts';
import { AppError } from '../errors.ts';
import type { SecretStore } from './secret-store.ts';

type FileContent = Record<string, Partial<Record<SecretName, string>>>;

/** Throws a one-sentence error when the file is missing, too open or not the expected JSON. */
export function readSecretsFile(file: string, platform: NodeJS.Platform = process.platform): FileContent {
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch {
    throw new AppError(
      'secrets.file_missing',
      `The secrets file ${file} (REQBRIDGE_SECRETS_FILE) cannot be read; create it, or point REQBRIDGE_SECRETS_FILE at the right file.`,
    );
  }
  if (platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new AppError(
      'secrets.file_too_open',
      `The secrets file ${file} can be read by other users; run chmod 600 ${file} and start again.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new AppError(
      'secrets.file_invalid',
      `The secrets file ${file} is not valid JSON; write it as {"PROFILE": {"leverApiKey": "…"}} (see the README's serve section).`,
    );
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new AppError(
      'secrets.file_invalid',
      `The secrets file ${file} must hold one object per profile; see the README's serve section.`,
    );
  const content: FileContent = {};
  for (const [profile, secrets] of Object.entries(parsed as Record<string, unknown>)) {
    if (!secrets || typeof secrets !== 'object')
      throw new AppError(
        'secrets.file_invalid',
        `The secrets file ${file} gives "${profile}" something other than an object of secrets; see the README's serve section.`,
      );
    const entry: Partial<Record<SecretName, string>> = {};
    for (const [name, value] of Object.entries(secrets as Record<string, unknown>)) {
      if (!(SECRET_NAMES as readonly string[]).includes(name))
        throw new AppError(
          'secrets.file_invalid',
          `The secrets file ${file} names an unknown secret "${name}" for "${profile}"; use ${SECRET_NAMES.join(', ')}.`,
        );
      if (typeof value === 'string' && value.trim()) entry[name as SecretName] = value.trim();
    }
    content[profile] = entry;
  }
  return content;
}

/**
 * A secret store over the file. `keysOf(profileId)` gives the keys a profile may be written under
 * (its id and name); the first present in the file wins.
 */
export function createSecretsFileStore(
  file: string,
  keysOf: (profileId: string) => string[],
  platform: NodeJS.Platform = process.platform,
): SecretStore {
  const content = readSecretsFile(file, platform);
  const keyFor = (profileId: string): string => {
    const candidates = keysOf(profileId);
    const lower = new Map(Object.keys(content).map((key) => [key.toLowerCase(), key]));
    for (const candidate of candidates) {
      const found = lower.get(candidate.toLowerCase());
      if (found) return found;
    }
    return profileId;
  };
  const save = (): void => {
    const temporary = `${file}.tmp-${process.pid}`;
    try {
      writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
      chmodSync(temporary, 0o600);
      renameSync(temporary, file);
    } catch {
      throw new AppError(
        'secrets.file_read_only',
        `The secrets file ${file} cannot be written here (it is read-only for this service); change the secret in the file itself and restart serve.`,
      );
    }
  };
  return {
    kind: 'secrets-file',
    async get(profileId, name) {
      return content[keyFor(profileId)]?.[name] ?? null;
    },
    async set(profileId, name, value) {
      const key = keyFor(profileId);
      content[key] = { ...content[key], [name]: value };
      save();
    },
    async delete(profileId, name) {
      const entry = content[keyFor(profileId)];
      if (!entry?.[name]) return false;
      delete entry[name];
      save();
      return true;
    },
  };
}
