/** The secrets a profile can hold. They live in the OS keychain, never in settings. */
export const SECRET_NAMES = ['leverApiKey', 'charthopToken', 'leverWebhookSignatureToken', 'ngrokAuthtoken'] as const;

/** One of the secrets a profile can hold. */
export type SecretName = (typeof SECRET_NAMES)[number];

/** Human labels for the secrets, as the Setup page shows them. */
export const SECRET_LABELS: Record<SecretName, string> = {
  leverApiKey: 'Lever API key',
  charthopToken: 'ChartHop API token',
  leverWebhookSignatureToken: 'Lever webhook signature token',
  ngrokAuthtoken: 'ngrok authtoken',
};

/**
 * What the renderer may know about a secret: never its value. `last4` lets a
 * consultant tell two keys apart; `source` says whether it came from the
 * keychain or an environment variable (headless runs).
 */
export interface SecretStatus {
  name: SecretName;
  set: boolean;
  last4: string | null;
  source: 'keychain' | 'environment' | 'sandbox' | null;
  updatedAt: string | null;
  verifiedAt: string | null;
  /** Why the secret store could not be read (e.g. the keychain is locked), or null. */
  problem: string | null;
}
