/** Contract of the value crosswalks: the other system's values to pick from, and setting or removing one mapping. */
import { z } from 'zod';
import { profileIdSchema } from '../../settings/schema.ts';
import type { Mappings } from '../../settings/mapping-edits.ts';
import { MAPPING_KINDS, MAPPING_VALUE_MAX } from '../../settings/mapping-edits.ts';
import type { CounterpartList } from '../mapping-views.ts';
import { out } from './out.ts';

const kind = z.enum(MAPPING_KINDS as ['department', 'team', 'location', 'employment', 'user']);
const value = z
  .string()
  .trim()
  .min(1, 'Give the value: it is empty.')
  .max(MAPPING_VALUE_MAX, `A mapped value is at most ${MAPPING_VALUE_MAX} characters.`);

/** What setting or removing a mapping did: the profile's crosswalks after it, and the Lever value the ChartHop value mapped to before. */
export interface MappingChange {
  mappings: Mappings;
  previous: string | null;
}

/** Request channels of the value crosswalks. */
export const mappingsRequests = {
  /** Read-only: the values of `kind` in `system`, read from that system now (users with name and email, groups, employment types). */
  'mappings:counterparts': {
    input: z.object({ profileId: profileIdSchema, kind, system: z.enum(['charthop', 'lever']) }).strict(),
    output: out<CounterpartList>(),
  },
  /** Map ChartHop `charthop` to Lever `lever` in the profile's `kind` crosswalk (replacing the same ChartHop name's mapping). */
  'mappings:set': {
    input: z.object({ profileId: profileIdSchema, kind, charthop: value, lever: value }).strict(),
    output: out<MappingChange>(),
  },
  /** Remove the mapping of ChartHop `charthop` from the profile's `kind` crosswalk; refused when there is none. */
  'mappings:remove': {
    input: z.object({ profileId: profileIdSchema, kind, charthop: value }).strict(),
    output: out<MappingChange>(),
  },
} as const;
