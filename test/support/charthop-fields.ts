/**
 * Declares custom fields in a fake ChartHop the way a client's admin does in
 * ChartHop: through the Fields API (`POST /v1/org/{org}/field`, owner token).
 */

/** A custom field to declare; `type` defaults to INTEGER and `entityType` to JOB. */
export interface CustomFieldSpec {
  code: string;
  label: string;
  type?: string;
  entityType?: 'JOB' | 'JOB_OPEN' | 'JOB_FILLED' | 'PERSON';
}

/** Creates each field in the org; throws with ChartHop's answer when one is refused. */
export async function declareCustomFields(
  charthop: { url: string; org: string },
  ownerToken: string,
  fields: readonly CustomFieldSpec[],
): Promise<void> {
  for (const field of fields) {
    const response = await fetch(`${charthop.url}/v1/org/${encodeURIComponent(charthop.org)}/field`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: field.code, label: field.label, type: field.type ?? 'INTEGER', entityType: field.entityType ?? 'JOB' }),
    });
    if (response.status !== 201)
      throw new Error(`Declaring the ChartHop field ${field.code} failed: ${response.status} ${await response.text()}`);
  }
}

/** Custom job fields for the four candidate metrics, as a client might name them. */
export const CUSTOM_METRIC_FIELDS = {
  active: 'candidatesActive',
  interview: 'candidatesInterviewing',
  activeOffers: 'offersOut',
  totalOffers: 'offersExtended',
} as const;

/** The specs of {@link CUSTOM_METRIC_FIELDS} (integer job fields). */
export const CUSTOM_METRIC_FIELD_SPECS: CustomFieldSpec[] = [
  { code: CUSTOM_METRIC_FIELDS.active, label: 'Candidates Active' },
  { code: CUSTOM_METRIC_FIELDS.interview, label: 'Candidates Interviewing' },
  { code: CUSTOM_METRIC_FIELDS.activeOffers, label: 'Offers Out' },
  { code: CUSTOM_METRIC_FIELDS.totalOffers, label: 'Offers Extended' },
];
