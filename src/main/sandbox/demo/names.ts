// Names and unique email addresses for generated people.
import { CANDIDATE_DOMAINS, COMPANY_DOMAIN, FIRST_NAMES, LAST_NAMES } from './catalog.ts';
import type { DemoRandom } from './random.ts';

/** A generated human. */
export interface DemoName {
  first: string;
  last: string;
}

/** Makes names and emails that never collide within one generation. */
export interface NameFactory {
  name(): DemoName;
  /** `first.last@northwind.example`, numbered on collision. */
  workEmail(name: DemoName): string;
  /** A personal address on a free-mail domain, numbered on collision. */
  personalEmail(name: DemoName): string;
  /** An E.164-style mobile number for a country. */
  phone(country: string): string;
}

/** Lower-case ASCII local part for a name ("Müller" → "muller", "O'Brien" → "obrien"). */
export function localPart(name: DemoName): string {
  const ascii = (s: string): string =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase();
  return `${ascii(name.first)}.${ascii(name.last)}`;
}

const DIAL: Record<string, string> = { US: '+1', CA: '+1', GB: '+44', DE: '+49' };

/** A name factory over `random`. */
export function createNameFactory(random: DemoRandom): NameFactory {
  const used = new Map<string, number>();
  const unique = (base: string, domain: string): string => {
    const key = `${base}@${domain}`;
    const n = (used.get(key) ?? 0) + 1;
    used.set(key, n);
    return n === 1 ? key : `${base}${n}@${domain}`;
  };
  return {
    name: () => ({ first: random.pick(FIRST_NAMES), last: random.pick(LAST_NAMES) }),
    workEmail: (name) => unique(localPart(name), COMPANY_DOMAIN),
    personalEmail: (name) => unique(localPart(name), random.pick(CANDIDATE_DOMAINS)),
    phone: (country) => `${DIAL[country] ?? '+1'} ${random.int(200, 989)} ${random.int(200, 989)} ${random.int(1000, 9999)}`,
  };
}
