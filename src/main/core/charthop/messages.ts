/**
 * What a consultant reads when a ChartHop call fails: naming the ChartHop API
 * token on 401, the access level on 403 and the org on "org not found".
 */
import type { FailureFacts, FailureMessages } from '../http/transport.ts';

/** Where ChartHop app tokens and access levels are managed. */
export const CHARTHOP_TOKEN_SETTINGS = 'ChartHop → Apps & Bundles → Installed apps → your app';

function attempts(facts: FailureFacts): string {
  return facts.attempts === 1 ? 'once' : `${facts.attempts} times`;
}

function said(facts: FailureFacts): string {
  return facts.serverMessage ? ` ChartHop said: "${facts.serverMessage}".` : '';
}

function what(facts: FailureFacts): string {
  const write = facts.method !== 'GET';
  if (facts.route.includes('/person')) return write ? 'change people' : 'read people';
  if (facts.route.includes('/job') || facts.route.includes('/change')) return write ? 'change jobs' : 'read jobs';
  if (facts.route.includes('/group')) return write ? 'change departments, teams or locations' : 'read departments, teams or locations';
  if (facts.route.includes('/field')) return write ? 'create fields' : 'read fields';
  return write ? 'make this change' : 'read this';
}

/** The message builder for a client bound to `org`. */
export function charthopMessages(org: string): FailureMessages {
  return (facts) => {
    const { endpoint } = facts;
    switch (facts.kind) {
      case 'unauthorized':
        return `ChartHop rejected the ChartHop API token (401 on ${endpoint}): it is mistyped, expired or was regenerated. Generate a token in ${CHARTHOP_TOKEN_SETTINGS} and paste it as the ChartHop API token on the Setup page.`;
      case 'forbidden':
        if (facts.serverMessage && /org/i.test(facts.serverMessage) && /no access/i.test(facts.serverMessage)) {
          return `ChartHop refused ${endpoint} (403): the ChartHop API token is not installed in the org "${org}". Install the app in that org or fix the org on the Setup page.`;
        }
        return `ChartHop refused ${endpoint} (403): the ChartHop API token's access level does not allow it to ${what(facts)}. Give the app Recruiting Editor or Owner access in ${CHARTHOP_TOKEN_SETTINGS}.`;
      case 'not_found':
        if (facts.serverMessage && /org not found/i.test(facts.serverMessage)) {
          return `ChartHop has no org "${org}" (404 on ${endpoint}). Check the org id or slug on the Setup page (it is the part after app.charthop.com/ in ChartHop's address).`;
        }
        return `ChartHop has no such record (${endpoint}, 404).${said(facts)}`;
      case 'bad_request':
        return `ChartHop rejected ${endpoint} (${facts.status ?? 'error'}).${said(facts) || ' It gave no reason.'} Check the values being sent.`;
      case 'rate_limited':
        return `ChartHop kept answering 429 Too Many Requests to ${endpoint} (tried ${attempts(facts)}). Try again in a few minutes.`;
      case 'unavailable':
        if (facts.status === 202)
          return `ChartHop was still building its data snapshot for ${endpoint} (202, tried ${attempts(facts)}). Try again in a few minutes.`;
        return `ChartHop is not available: ${endpoint} failed with ${facts.status ?? 'an error'} (tried ${attempts(facts)}). Try again later.`;
      case 'unreachable':
        return `Could not reach ChartHop for ${endpoint} (${facts.detail ?? 'connection error'}; tried ${attempts(facts)}). Check the network and the ChartHop API address on the Setup page.`;
      case 'timeout':
        return `ChartHop did not answer ${endpoint} in time (tried ${attempts(facts)}). Try again later.`;
      case 'bad_response':
        return `ChartHop's answer to ${endpoint} was incomplete or not valid JSON (${facts.detail ?? 'unreadable body'}; tried ${attempts(facts)}). Nothing was read from it; try again.`;
      case 'unknown_outcome':
        return `ChartHop may or may not have applied ${endpoint} (${facts.detail ?? `status ${facts.status ?? '?'}`}); the record must be looked up before sending it again.`;
      case 'retry_budget_exhausted':
        return `This run used up its allowance of retries and waits while calling ${endpoint} (last problem: ${facts.detail ?? `status ${facts.status ?? '?'}`}). The run stopped; run it again later.`;
      default:
        return `ChartHop call ${endpoint} failed (${facts.kind}).`;
    }
  };
}
