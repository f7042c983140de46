/**
 * The one typed API contract between the renderer and the main process.
 *
 * Each request channel declares a zod input schema (validated in main, whatever
 * the transport) and an output type; each push event declares its payload type.
 * Electron IPC, the browser host's HTTP/SSE and the in-process test transport all
 * carry exactly this contract. Channel names are `domain:verb` / `domain:event`.
 * Each domain declares its part in `domains/`; this file composes them.
 */
import type { z } from 'zod';
import type { ProfileSettingsPatch } from '../settings/schema.ts';
import type { Out } from './domains/out.ts';
import { coreEvents, coreRequests } from './domains/core.ts';
import { doctorEvents, doctorRequests } from './domains/doctor.ts';
import { syncEvents, syncRequests } from './domains/sync.ts';
import { hiresEvents, hiresRequests } from './domains/hires.ts';
import { scheduleEvents, scheduleRequests } from './domains/schedule.ts';
import { reportRequests } from './domains/report.ts';
import { updatesEvents, updatesRequests } from './domains/updates.ts';
import { mappingsRequests } from './domains/mappings.ts';

export type { Out } from './domains/out.ts';

/** Request channels: input schema and output type of each. */
export const requestContract = {
  ...coreRequests,
  ...doctorRequests,
  ...syncRequests,
  ...hiresRequests,
  ...scheduleRequests,
  ...reportRequests,
  ...mappingsRequests,
  ...updatesRequests,
} as const;

/** Push events: payload type of each. */
export const eventContract = {
  ...coreEvents,
  ...doctorEvents,
  ...syncEvents,
  ...hiresEvents,
  ...scheduleEvents,
  ...updatesEvents,
} as const;

/** A request channel name. */
export type RequestChannel = keyof typeof requestContract;
/** A push event name. */
export type EventChannel = keyof typeof eventContract;
/** The input a caller passes on a channel (before defaults). */
export type RequestInput<C extends RequestChannel> = z.input<(typeof requestContract)[C]['input']>;
/** The input a handler receives on a channel (parsed, defaults applied). */
export type ParsedInput<C extends RequestChannel> = z.output<(typeof requestContract)[C]['input']>;
/** The value a channel answers with. */
export type RequestOutput<C extends RequestChannel> = (typeof requestContract)[C]['output'] extends Out<infer T> ? T : never;
/** The payload of a push event. */
export type EventPayload<E extends EventChannel> = (typeof eventContract)[E] extends Out<infer T> ? T : never;

/** Patch type accepted by `settings:update`, for typed callers. */
export type SettingsPatch = ProfileSettingsPatch;
