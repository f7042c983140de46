/**
 * Handlers of the value crosswalks: list the other system's values for Map… (read-only, through the
 * profile's clients), and set or remove one mapping with a read-modify-write in main, so two windows
 * or the CLI never overwrite each other's mappings of the same kind.
 */
import type { MappingKind } from '../../../shared/api/mapping-views.ts';
import {
  MAPPING_KIND_WORDS,
  MAPPING_TABLES,
  mappedValue,
  mappingValueProblem,
  withMapping,
  withoutMapping,
} from '../../../shared/settings/mapping-edits.ts';
import type { HandlerTable } from '../api/handler-table.ts';
import { profileClientsFor } from '../clients/profile-clients.ts';
import { AppError } from '../errors.ts';
import { isHttpFailure } from '../http/errors.ts';
import { counterpartList } from '../mappings/counterparts.ts';
import type { ServiceDeps } from './service-deps.ts';

/** The end of a sentence saying a key is missing: where to set it, and what next. */
const AGAIN = (what: string): string => `${what} in Setup → Connect, then press Map… again.`;

const LISTED: Readonly<Record<MappingKind, string>> = {
  department: 'departments',
  team: 'teams',
  location: 'locations',
  employment: 'employment types',
  user: 'users',
};

/** Build the crosswalk handlers. */
export function mappingHandlers(deps: ServiceDeps): Pick<HandlerTable, 'mappings:counterparts' | 'mappings:set' | 'mappings:remove'> {
  const save = (profileId: string, kind: MappingKind, table: Record<string, string>) => {
    const updated = deps.settings.update(profileId, { mappings: { [MAPPING_TABLES[kind]]: table } });
    deps.events.emit('settings:changed', { profileId });
    return updated.mappings;
  };
  return {
    'mappings:counterparts': async ({ profileId, kind, system }) => {
      const clients = await profileClientsFor(deps, profileId, { timeoutMs: 15_000 });
      const name = system === 'lever' ? 'Lever' : 'ChartHop';
      const what = `${name}’s ${LISTED[kind]}`;
      try {
        if (system === 'lever') {
          if (!clients.lever) {
            throw new AppError(
              'mappings.no_connection',
              `${what} cannot be listed: the Lever API key of this profile is not set. ${AGAIN('Paste it')}`,
            );
          }
          return await counterpartList({ system, client: clients.lever }, kind);
        }
        if (!clients.charthop) {
          const missing = 'the ChartHop API token or org of this profile is not set';
          throw new AppError('mappings.no_connection', `${what} cannot be listed: ${missing}. ${AGAIN('Enter them')}`);
        }
        return await counterpartList({ system, client: clients.charthop }, kind);
      } catch (error) {
        if (!isHttpFailure(error)) throw error;
        const message = `Reading ${what} failed: ${error.message} Try again; Check connection in Setup shows whether the keys still work.`;
        throw new AppError('mappings.list_failed', message, { cause: error });
      }
    },
    'mappings:set': async ({ profileId, kind, charthop, lever }) => {
      const problem = mappingValueProblem(kind, charthop, 'ChartHop') ?? mappingValueProblem(kind, lever, 'Lever');
      if (problem) throw new AppError('mappings.invalid', problem);
      const current = deps.settings.get(profileId).mappings;
      const previous = mappedValue(current, kind, charthop) ?? null;
      return { mappings: save(profileId, kind, withMapping(current, kind, charthop, lever)), previous };
    },
    'mappings:remove': async ({ profileId, kind, charthop }) => {
      const current = deps.settings.get(profileId).mappings;
      const table = withoutMapping(current, kind, charthop);
      if (!table) {
        const where = 'See the profile’s mappings in Setup → Value mappings, or with reqbridge mapping list.';
        throw new AppError(
          'mappings.not_found',
          `There is no ${MAPPING_KIND_WORDS[kind]} mapping for the ChartHop value "${charthop}". ${where}`,
        );
      }
      const previous = mappedValue(current, kind, charthop) ?? null;
      return { mappings: save(profileId, kind, table), previous };
    },
  };
}
