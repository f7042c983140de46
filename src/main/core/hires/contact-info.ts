/**
 * A candidate's contact information as ChartHop wants it (charthop-api.md §4.2
 * and the Lever new-hire mapping §10.2: name, homeEmail ← emails, mobilePhone ←
 * phones). Lever keeps no postal address (lever-api.md §10.4), only a free-text
 * location; an address is made from it when it names a country ChartHop's
 * 2-letter code can be derived from, and left out otherwise.
 */

/** A ChartHop contact entry. */
export interface ChartHopContactInput {
  type: string;
  format: 'EMAIL' | 'PHONE' | 'ID';
  value: string;
}

/** A ChartHop address (country required). */
export interface ChartHopAddressInput {
  country: string;
  city?: string;
  state?: string;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The candidate's distinct, valid email addresses, in order (trimmed; compared case-insensitively). */
export function cleanEmails(...lists: ReadonlyArray<readonly string[] | null | undefined>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) {
    // Stryker disable next-line ArrayDeclaration: any stand-in entry is dropped by the email check below
    for (const raw of list ?? []) {
      const email = raw.trim();
      if (!EMAIL_RE.test(email) || seen.has(email.toLowerCase())) continue;
      seen.add(email.toLowerCase());
      out.push(email);
    }
  }
  return out;
}

/** Splits a full name into first and last (ChartHop requires `last`). */
export function splitName(full: string | null | undefined): { first?: string; last: string } | null {
  // Stryker disable next-line Regex: a single-space split leaves only empty parts, which filter(Boolean) drops
  const parts = (full ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return null;
  if (parts.length === 1) return { last: parts[0] as string };
  return { first: parts.slice(0, -1).join(' '), last: parts.at(-1) as string };
}

const PHONE_TYPES: Record<string, string> = { mobile: 'MOBILE_PHONE', home: 'HOME_PHONE', work: 'WORK_PHONE', other: 'MOBILE_PHONE' };

/** Lever phones → ChartHop phone contacts (Skype names are not phone numbers and are left out). */
export function phoneContacts(phones: ReadonlyArray<{ type?: string | null; value: string }> | null | undefined): ChartHopContactInput[] {
  const out: ChartHopContactInput[] = [];
  const seen = new Set<string>();
  for (const phone of phones ?? []) {
    const value = phone.value.trim();
    // Stryker disable next-line StringLiteral: an absent type and an unknown one both map to MOBILE_PHONE
    const type = (phone.type ?? 'mobile').toLowerCase();
    if (!value || type === 'skype' || seen.has(value)) continue;
    seen.add(value);
    out.push({ type: PHONE_TYPES[type] ?? 'MOBILE_PHONE', format: 'PHONE', value });
  }
  return out;
}

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(
    ' ',
  ),
);
const CA_PROVINCES = new Set('AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' '));
const COUNTRIES: Record<string, string> = {
  'united states': 'US',
  usa: 'US',
  us: 'US',
  'united kingdom': 'GB',
  uk: 'GB',
  england: 'GB',
  scotland: 'GB',
  germany: 'DE',
  deutschland: 'DE',
  canada: 'CA',
  france: 'FR',
  spain: 'ES',
  italy: 'IT',
  netherlands: 'NL',
  ireland: 'IE',
  portugal: 'PT',
  poland: 'PL',
  sweden: 'SE',
  denmark: 'DK',
  norway: 'NO',
  finland: 'FI',
  switzerland: 'CH',
  austria: 'AT',
  belgium: 'BE',
  australia: 'AU',
  'new zealand': 'NZ',
  india: 'IN',
  singapore: 'SG',
  japan: 'JP',
  brazil: 'BR',
  mexico: 'MX',
  israel: 'IL',
};
const CITIES: Record<string, { country: string; state?: string }> = {
  'new york': { country: 'US', state: 'NY' },
  'san francisco': { country: 'US', state: 'CA' },
  'los angeles': { country: 'US', state: 'CA' },
  seattle: { country: 'US', state: 'WA' },
  boston: { country: 'US', state: 'MA' },
  chicago: { country: 'US', state: 'IL' },
  austin: { country: 'US', state: 'TX' },
  london: { country: 'GB' },
  berlin: { country: 'DE' },
  munich: { country: 'DE' },
  paris: { country: 'FR' },
  amsterdam: { country: 'NL' },
  dublin: { country: 'IE' },
  toronto: { country: 'CA', state: 'ON' },
  vancouver: { country: 'CA', state: 'BC' },
  sydney: { country: 'AU' },
  singapore: { country: 'SG' },
  tokyo: { country: 'JP' },
};

/**
 * An address from a Lever location such as "Austin, TX", "Berlin, Germany" or "London": a
 * country is required; null when none can be derived (e.g. "Remote").
 */
export function addressFromLocation(location: string | null | undefined): ChartHopAddressInput | null {
  // Stryker disable next-line StringLiteral: any stand-in text names no country, so an absent location still gives null
  const text = (location ?? '').trim();
  if (!text || text.length > 200) return null;
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  // Stryker disable next-line StringLiteral: `parts` is empty only for a text of commas, where no city of the list can be named either
  const city = parts[0] ?? '';
  const known = CITIES[city.toLowerCase()];
  if (parts.length > 1) {
    const last = parts.at(-1) as string;
    const upper = last.toUpperCase();
    if (US_STATES.has(upper)) return { country: 'US', city, state: upper };
    if (CA_PROVINCES.has(upper)) return { country: 'CA', city, state: upper };
    const country = COUNTRIES[last.toLowerCase()] ?? (/^[A-Z]{2}$/.test(last) && !known ? last : undefined);
    if (country) return parts.length > 2 ? { country, city, state: parts[1] as string } : { country, city };
  }
  if (known)
    return { country: known.country, city: city.replace(/\b\w/g, (c) => c.toUpperCase()), ...(known.state ? { state: known.state } : {}) };
  const alone = COUNTRIES[text.toLowerCase()];
  return alone ? { country: alone } : null;
}
