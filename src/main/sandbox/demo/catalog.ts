// Static vocabulary of the demo org "Northwind Labs": departments with their
// teams and job titles, locations (one Remote), name banks. The one team name
// shared by two departments ("Operations", in Sales and in Finance) is the
// duplicate ChartHop's Lever guide warns about.

/** A department and what grows in it. */
export interface DepartmentSpec {
  name: string;
  code: string;
  aliases: string[];
  teams: string[];
  titles: string[];
  /** Relative share of jobs. */
  weight: number;
}

/** The team name used under two departments on the Lever side. */
export const DUPLICATED_TEAM = 'Operations';

/** Departments of the demo org. */
export const DEPARTMENTS: readonly DepartmentSpec[] = [
  {
    name: 'Engineering',
    code: 'ENG',
    aliases: ['R&D'],
    teams: ['Platform', 'Frontend', 'Data', 'Mobile'],
    weight: 30,
    titles: [
      'Software Engineer',
      'Senior Software Engineer',
      'Staff Engineer',
      'Site Reliability Engineer',
      'Data Engineer',
      'QA Engineer',
    ],
  },
  {
    name: 'Product',
    code: 'PRD',
    aliases: [],
    teams: ['Growth', 'Core Product'],
    weight: 8,
    titles: ['Product Manager', 'Senior Product Manager', 'Product Analyst'],
  },
  {
    name: 'Design',
    code: 'DES',
    aliases: ['UX'],
    teams: ['Brand', 'Product Design'],
    weight: 6,
    titles: ['Product Designer', 'Senior Product Designer', 'UX Researcher'],
  },
  {
    name: 'Sales',
    code: 'SAL',
    aliases: [],
    teams: ['Enterprise', 'Mid-Market', DUPLICATED_TEAM],
    weight: 18,
    titles: ['Account Executive', 'Sales Development Representative', 'Solutions Engineer', 'Sales Operations Analyst'],
  },
  {
    name: 'Marketing',
    code: 'MKT',
    aliases: [],
    teams: ['Demand Generation', 'Content'],
    weight: 8,
    titles: ['Marketing Manager', 'Content Strategist', 'Demand Generation Manager'],
  },
  {
    name: 'Customer Success',
    code: 'CS',
    aliases: ['Support'],
    teams: ['Onboarding', 'Support'],
    weight: 12,
    titles: ['Customer Success Manager', 'Support Engineer', 'Implementation Consultant'],
  },
  {
    name: 'Finance',
    code: 'FIN',
    aliases: [],
    teams: ['Accounting', DUPLICATED_TEAM],
    weight: 8,
    titles: ['Financial Analyst', 'Accountant', 'Finance Operations Specialist'],
  },
  {
    name: 'People',
    code: 'PPL',
    aliases: ['HR', 'Human Resources'],
    teams: ['Talent Acquisition', 'People Operations'],
    weight: 10,
    titles: ['People Partner', 'Recruiting Coordinator', 'HR Generalist'],
  },
];

/** A location group and how Lever writes it. */
export interface LocationSpec {
  name: string;
  code: string;
  aliases: string[];
  country: string;
  city?: string;
  state?: string;
  currency: string;
  remote: boolean;
  timezone: string;
  weight: number;
}

/** Locations of the demo org, one of them REMOTE. */
export const LOCATIONS: readonly LocationSpec[] = [
  {
    name: 'New York',
    code: 'NYC',
    aliases: ['New York, NY', 'NYC'],
    country: 'US',
    city: 'New York',
    state: 'NY',
    currency: 'USD',
    remote: false,
    timezone: 'America/New_York',
    weight: 30,
  },
  {
    name: 'San Francisco',
    code: 'SFO',
    aliases: ['SF', 'San Francisco, CA'],
    country: 'US',
    city: 'San Francisco',
    state: 'CA',
    currency: 'USD',
    remote: false,
    timezone: 'America/Los_Angeles',
    weight: 20,
  },
  {
    name: 'London',
    code: 'LON',
    aliases: ['London, UK'],
    country: 'GB',
    city: 'London',
    currency: 'GBP',
    remote: false,
    timezone: 'Europe/London',
    weight: 12,
  },
  {
    name: 'Berlin',
    code: 'BER',
    aliases: [],
    country: 'DE',
    city: 'Berlin',
    currency: 'EUR',
    remote: false,
    timezone: 'Europe/Berlin',
    weight: 8,
  },
  {
    name: 'Toronto',
    code: 'YYZ',
    aliases: ['Toronto, ON'],
    country: 'CA',
    city: 'Toronto',
    state: 'ON',
    currency: 'CAD',
    remote: false,
    timezone: 'America/Toronto',
    weight: 6,
  },
  {
    name: 'Remote',
    code: 'REM',
    aliases: ['Remote - US', 'Anywhere'],
    country: 'US',
    currency: 'USD',
    remote: true,
    timezone: 'America/Chicago',
    weight: 24,
  },
];

/** First names (mixed origins, a few with diacritics). */
export const FIRST_NAMES: readonly string[] = [
  'Ada',
  'Alan',
  'Amara',
  'Ana',
  'Andrés',
  'Aisha',
  'Ben',
  'Bianca',
  'Carlos',
  'Chen',
  'Chloé',
  'Daniel',
  'Deepa',
  'Diego',
  'Elena',
  'Emeka',
  'Emma',
  'Fatima',
  'Felix',
  'Grace',
  'Hana',
  'Hiro',
  'Ines',
  'Isaac',
  'Jamal',
  'Jana',
  'João',
  'Julia',
  'Kai',
  'Kenji',
  'Laila',
  'Leo',
  'Lina',
  'Lucas',
  'Maya',
  'Mei',
  'Mohamed',
  'Nadia',
  'Noah',
  'Nora',
  'Olga',
  'Omar',
  'Priya',
  'Rafael',
  'Rosa',
  'Sam',
  'Sara',
  'Sofia',
  'Tariq',
  'Tomás',
  'Uma',
  'Victor',
  'Wei',
  'Yara',
  'Yusuf',
  'Zoe',
];

/** Last names. */
export const LAST_NAMES: readonly string[] = [
  'Abara',
  'Adams',
  'Alvarez',
  'Andersen',
  'Becker',
  'Bose',
  'Brown',
  'Castillo',
  'Chen',
  'Costa',
  'Dubois',
  'Edwards',
  'Fischer',
  'García',
  'Gupta',
  'Haddad',
  'Hansen',
  'Ito',
  'Jensen',
  'Johnson',
  'Kaur',
  'Kim',
  'Kowalski',
  'Larsen',
  'Lee',
  'Lopez',
  'Martin',
  'Mensah',
  'Meyer',
  'Müller',
  'Nakamura',
  'Nguyen',
  'Novak',
  "O'Brien",
  'Okafor',
  'Patel',
  'Petrov',
  'Quinn',
  'Rossi',
  'Sato',
  'Schmidt',
  'Silva',
  'Singh',
  'Smith',
  'Suzuki',
  'Tanaka',
  'Torres',
  'Walker',
  'Wang',
  'Weber',
  'Williams',
  'Yilmaz',
  'Zhang',
];

/** Free-mail domains for candidates (reserved `.example` names). */
export const CANDIDATE_DOMAINS: readonly string[] = ['mail.example', 'inbox.example', 'post.example'];

/** The demo company's email domain. */
export const COMPANY_DOMAIN = 'northwind.example';

/** Candidate sources. */
export const SOURCES: readonly string[] = ['LinkedIn', 'Referral', 'Company website', 'Indeed', 'Agency', 'Conference'];

/** Lever `employmentStatus` / posting commitment for each ChartHop employment value. */
export const EMPLOYMENT_MAP: Record<string, { lever: string; commitment: string }> = {
  FULL: { lever: 'full-time', commitment: 'Full-time' },
  PART: { lever: 'part-time', commitment: 'Part-time' },
  CONTRACT: { lever: 'contractor', commitment: 'Contractor' },
  INTERN: { lever: 'intern', commitment: 'Internship' },
  TEMP: { lever: 'temp-worker', commitment: 'Temporary' },
};

/** Base salary (yearly, in USD-ish units) by seniority words in the title. */
export function baseSalaryFor(title: string, pick: number): number {
  const level = /Staff|Principal/.test(title)
    ? 1.5
    : /Senior|Manager/.test(title)
      ? 1.25
      : /Coordinator|Representative|Specialist/.test(title)
        ? 0.7
        : 1;
  return Math.round(((95_000 + pick * 40_000) * level) / 1000) * 1000;
}
