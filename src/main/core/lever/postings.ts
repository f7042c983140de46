/**
 * Lever postings (lever-api.md §9). A posting update is a POST that behaves
 * partly like a replacement (an omitted `state` resets the posting to draft,
 * omitted categories lose `allLocations`), so `update` reads the posting,
 * merges the changes and always sends state and the full categories.
 */
import type { LeverApi } from './api.ts';
import { seg } from './api.ts';
import { postingSchema, writeResultSchema } from './schemas.ts';
import type { LeverPosting } from './schemas.ts';

/** Filters of `GET /postings` (category and tag filters are case-sensitive). */
export interface PostingFilter {
  state?: string | string[];
  team?: string | string[];
  department?: string | string[];
  location?: string | string[];
  commitment?: string | string[];
  tag?: string | string[];
  distributionChannel?: 'public' | 'internal' | ('public' | 'internal')[];
  updatedAtStart?: number;
  updatedAtEnd?: number;
  confidentiality?: 'confidential' | 'non-confidential' | 'all';
  /** Fields omitted from lists unless included: `content`, `followers`. */
  include?: string[];
}

/** What a posting update may change. */
export interface PostingChanges {
  text?: string;
  state?: string;
  requisitionCodes?: string[];
  owner?: string | null;
  hiringManager?: string | null;
  tags?: string[];
  categories?: {
    team?: string | null;
    department?: string | null;
    location?: string | null;
    commitment?: string | null;
    allLocations?: string[];
  };
  workplaceType?: string;
}

/** The posting operations. */
export function postingOperations(api: LeverApi) {
  const get = (id: string): Promise<LeverPosting> => api.getOne(postingSchema, `/postings/${seg(id)}`, '/postings/:id');
  return {
    /** Every posting matching `filter`. */
    list: (filter: PostingFilter = {}): AsyncGenerator<LeverPosting, void, undefined> =>
      api.list(postingSchema, '/postings', '/postings', {
        state: filter.state,
        team: filter.team,
        department: filter.department,
        location: filter.location,
        commitment: filter.commitment,
        tag: filter.tag,
        distributionChannel: filter.distributionChannel,
        updated_at_start: filter.updatedAtStart,
        updated_at_end: filter.updatedAtEnd,
        confidentiality: filter.confidentiality,
        include: filter.include,
      }),
    /** One posting by id. */
    get,
    /**
     * Updates a posting on behalf of the Lever user `performAs` (required by Lever): reads it,
     * merges `changes`, sends the whole state and categories, and returns it as re-read.
     * Repeating it is harmless, so an unknown outcome is simply retried.
     */
    async update(id: string, changes: PostingChanges, options: { performAs: string }): Promise<LeverPosting> {
      const current = await get(id);
      const categories = current.categories ?? {};
      const body = {
        text: current.text,
        state: current.state,
        requisitionCodes: current.requisitionCodes ?? [],
        tags: current.tags ?? [],
        owner: current.owner ?? null,
        hiringManager: current.hiringManager ?? null,
        ...changes,
        categories: {
          team: categories.team ?? null,
          department: categories.department ?? null,
          location: categories.location ?? null,
          commitment: categories.commitment ?? null,
          allLocations: categories.allLocations ?? [],
          ...(changes.categories ?? {}),
        },
      };
      const response = await api.send('POST', `/postings/${seg(id)}`, '/postings/:id', {
        body,
        query: { perform_as: options.performAs },
        idempotent: true,
      });
      return get(api.parse(writeResultSchema, response.body, 'POST /postings/:id', response.status).data.id);
    },
  };
}
