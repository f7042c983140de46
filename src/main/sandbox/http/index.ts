/**
 * Sandbox HTTP kit: the transport layer shared by the fake Lever and fake ChartHop servers.
 *
 * Typical use: declare `route(...)`s, compose them with {@link createSandboxApp} (auth hook,
 * per-identity token bucket, fault plans, request log, `/__sandbox/` control surface), then
 * `listen(app.handler, { port: 0 })` → `{ url, close }` on 127.0.0.1. Handlers return
 * `json(...)`/`noContent()` or throw `httpError(...)`. The exported API is kept stable.
 */
export { createSandboxApp, REQUEST_ID_HEADER } from './app.ts';
export type { AuthInput, ErrorInfo, SandboxApp, SandboxAppOptions } from './app.ts';
export { DEFAULT_BODY_LIMIT, readJsonBody } from './body.ts';
export { CONTROL_HEADER, CONTROL_PREFIX, controlTokenMatches, createKitControl } from './control.ts';
export type { ControlHooks, KitControl } from './control.ts';
export { createFaultPlan } from './faults.ts';
export type { FaultAction, FaultKind, FaultPlan, FaultRule, FaultRuleInput } from './faults.ts';
export { listen } from './listen.ts';
export type { Listening, ListenOptions, NodeHandler } from './listen.ts';
export { shiftPageStart } from './pages.ts';
export { createRateLimiter, DEFAULT_RATE_LIMIT } from './rate-limiter.ts';
export type { RateLimitDecision, RateLimiter, RateLimitSettings } from './rate-limiter.ts';
export { createRequestLog } from './request-log.ts';
export type { RequestLog, RequestLogEntry, RequestLogFilter } from './request-log.ts';
export { errorCodeName, httpError, json, noContent, serialiseBody, writeResponse } from './respond.ts';
export type { BodyMode } from './respond.ts';
export { createRng, randomHex, randomUuid } from './rng.ts';
export { createRouter, matchPattern, normalisePath, route } from './router.ts';
export type { Route, RouteMatch, Router } from './router.ts';
export { HttpError } from './types.ts';
export type { Clock, PageFault, Random, RouteHandler, SandboxRequest, SandboxResponse, Sleep } from './types.ts';
