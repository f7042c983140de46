// Person write bodies. Accepts the typed model (`name{}`, `contacts[]`,
// `address{}`) and the flat field codes ChartHop uses elsewhere
// (`name.first`, `contact.homeEmail`, `homeEmail`, `mobilePhone`, …).
// Our choice: an email already used by another person of the org is a 409
// (ChartHop treats email as a person's primary identifier and merges on it),
// unless the server was started with `uniquePersonEmails: false`.
import { isDateString } from './dates.ts';
import { badRequest, conflict } from './errors.ts';
import { checkFieldValue } from './field-catalog.ts';
import { contactType } from './rows.ts';
import type { ChartHopAddress, ChartHopContact, ChartHopField, ChartHopPerson, ChartHopPersonName } from './state.ts';
import type { ChartHopStore } from './store.ts';

const NAME_PARTS = ['first', 'middle', 'last', 'pref', 'prefLast'] as const;
const CONTACT_CODES = new Set(['workemail', 'homeemail', 'personalemail', 'mobilephone', 'workphone', 'homephone', 'linkedin', 'employee']);
const GENDERS = ['MALE', 'FEMALE', 'NONBINARY', 'PREFER_NOT'];
const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function contact(type: string, value: unknown): ChartHopContact {
  const format = type.endsWith('EMAIL') ? 'EMAIL' : type.endsWith('PHONE') || type.endsWith('FAX') ? 'PHONE' : 'ID';
  if (typeof value !== 'string' || value.trim() === '') throw badRequest(`invalid ${type} contact: expected a string`);
  if (format === 'EMAIL' && !EMAIL_RE.test(value)) throw badRequest(`invalid ${type} contact: ${value} is not an email address`);
  return { type, format, value };
}

function address(raw: unknown): ChartHopAddress {
  if (!isObject(raw) || typeof raw.country !== 'string' || !/^[A-Z]{2}$/.test(raw.country)) {
    throw badRequest('invalid address: country (2-letter ISO code) is required');
  }
  const out: ChartHopAddress = { country: raw.country };
  for (const key of ['street1', 'city', 'state', 'postal'] as const) if (typeof raw[key] === 'string') out[key] = raw[key];
  return out;
}

/**
 * Applies a person write body to `base` (a new person's blank record on
 * create) and returns the result; the input is never mutated.
 */
export function applyPersonWrite(
  store: ChartHopStore,
  orgId: string,
  base: ChartHopPerson,
  body: unknown,
  customFields: ChartHopField[],
): ChartHopPerson {
  if (!isObject(body)) throw badRequest('expected a JSON object body');
  const next: ChartHopPerson = structuredClone(base);
  const setContact = (type: string, value: unknown): void => {
    next.contacts = next.contacts.filter((c) => c.type !== type);
    if (value !== null) next.contacts.push(contact(type, value));
  };
  for (const [key, raw] of Object.entries(body)) {
    const lower = key.toLowerCase();
    if (lower === 'id' || lower === 'orgid') continue;
    if (lower === 'name') {
      if (!isObject(raw)) throw badRequest('invalid name: expected { first, last, … }');
      for (const part of NAME_PARTS) if (raw[part] !== undefined) next.name[part] = raw[part] as string;
    } else if (lower.startsWith('name.')) {
      const part = NAME_PARTS.find((p) => p.toLowerCase() === lower.slice(5));
      if (!part) throw badRequest(`unknown field: ${key}`);
      next.name[part] = raw as string;
    } else if (lower === 'contacts') {
      if (!Array.isArray(raw)) throw badRequest('invalid contacts: expected a list of { type, value }');
      next.contacts = raw.map((c) => {
        if (!isObject(c) || typeof c.type !== 'string') throw badRequest('invalid contacts: each needs a type and a value');
        return contact(c.type.toUpperCase(), c.value);
      });
    } else if (lower.startsWith('contact.') || CONTACT_CODES.has(lower)) {
      setContact(contactType(lower.replace(/^contact\./, '')), raw);
    } else if (lower === 'address') {
      if (raw === null) delete next.address;
      else next.address = address(raw);
    } else if (lower === 'birthdate') {
      if (!isDateString(raw)) throw badRequest('invalid birthDate: expected a YYYY-MM-DD date');
      next.birthDate = raw;
    } else if (lower === 'gender') {
      if (typeof raw !== 'string' || !GENDERS.includes(raw)) throw badRequest(`invalid gender: expected one of ${GENDERS.join(', ')}`);
      next.gender = raw as ChartHopPerson['gender'];
    } else if (lower === 'fields') {
      if (!isObject(raw)) throw badRequest('invalid fields: expected an object of field code → value');
      for (const [code, value] of Object.entries(raw)) setPersonField(store, orgId, next, code, value, customFields);
    } else {
      setPersonField(store, orgId, next, key, raw, customFields);
    }
  }
  for (const part of NAME_PARTS) {
    const value = next.name[part];
    if (value === undefined || value === null) delete next.name[part];
    else if (typeof value !== 'string') throw badRequest(`invalid name.${part}: expected a string`);
  }
  if (!next.name.last) throw badRequest('name.last is required');
  if (store.uniquePersonEmails) checkUniqueEmails(store, orgId, next);
  return next;
}

function setPersonField(
  store: ChartHopStore,
  orgId: string,
  person: ChartHopPerson,
  code: string,
  raw: unknown,
  customFields: ChartHopField[],
): void {
  const def = customFields.find((f) => f.name.toLowerCase() === code.toLowerCase() && f.entityType === 'PERSON');
  if (!def) throw badRequest(`unknown field: ${code}`);
  const value = checkFieldValue(def.name, def.type, def.values, raw, {
    personExists: (id) => store.person(id)?.orgId === orgId,
    jobExists: (id) => store.jobChanges(id)[0]?.orgId === orgId,
    groupExists: (id) => store.group(id)?.orgId === orgId,
  });
  if (value === null) delete person.fields[def.name];
  else person.fields[def.name] = value;
}

function checkUniqueEmails(store: ChartHopStore, orgId: string, person: ChartHopPerson): void {
  // The store indexes people by email, so this reads only the people with one of these emails.
  for (const contact of person.contacts) {
    if (contact.format !== 'EMAIL') continue;
    for (const otherId of store.personsWithEmail(orgId, contact.value)) {
      if (otherId === person.id) continue;
      const clash = store
        .person(otherId)
        ?.contacts.find((c) => c.format === 'EMAIL' && c.value.toLowerCase() === contact.value.toLowerCase());
      if (clash) throw conflict(`a person with email ${clash.value} already exists (${otherId})`);
    }
  }
}

/** A blank person record to apply a create body to. */
export function blankPerson(id: string, orgId: string, now: string): ChartHopPerson {
  const name: ChartHopPersonName = { last: '' };
  return { id, orgId, name, contacts: [], fields: {}, createAt: now, updateAt: now };
}
