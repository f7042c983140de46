/**
 * Shared types of the sandbox HTTP kit. The kit is deliberately tiny and framework-free so
 * both fake servers (Lever, ChartHop) behave the same at the transport level.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/** Milliseconds since the Unix epoch. Injectable so tests can freeze or advance time. */
export type Clock = () => number;

/** A uniform random number in [0, 1). Injectable (seeded) so probabilistic faults repeat exactly. */
export type Random = () => number;

/** Promise-based sleep. Injectable so delay faults and retries need no real waiting in tests. */
export type Sleep = (ms: number) => Promise<void>;

/** A page fault handed to list handlers: serve the previous page again, or skip one page. */
export type PageFault = 'repeat' | 'skip';

/** What a route handler sees: the parsed request after auth, rate limiting and body reading. */
export interface SandboxRequest {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Full request path (no query), without a trailing slash. */
  readonly path: string;
  /** Values of the route pattern's `:params`, URI-decoded. */
  readonly params: Readonly<Record<string, string>>;
  /** Parsed query string; repeated keys keep every value (`getAll`). */
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON body; `undefined` when the request had no body. */
  readonly body: unknown;
  /** The credential identity returned by the app's `authenticate` hook (a key id, never a secret). */
  readonly identity: string | undefined;
  /** Set when a `pageRepeat`/`pageSkip` fault fired for this call; list handlers must honour it. */
  readonly pageFault: PageFault | undefined;
  /** The underlying Node request, for the rare handler that needs it. */
  readonly raw: IncomingMessage;
}

/** A handler's answer. Bodies are serialised as JSON; status 204 sends no body. */
export interface SandboxResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A route handler: may be sync or async; throw an {@link HttpError} to answer with an error. */
export type RouteHandler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

/**
 * An error that becomes an HTTP error response. `code` is API-specific (Lever uses names such as
 * `NotFoundError`, ChartHop numeric codes); the app's `formatError` turns it into the body.
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string | number | undefined;
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, code?: string | number, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}
