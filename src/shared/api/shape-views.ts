/** The API shape report: how the vendors' answers compared with what ReqBridge expects. */

/** One difference from the expected shape, at a key path (never a value). */
export interface ApiShapeFindingView {
  /** `unknown`: a field ReqBridge does not know; `missing`: an optional field left out; `type`: another JSON type. */
  kind: 'unknown' | 'missing' | 'type';
  /** e.g. `data[].team`. */
  path: string;
  /** The JSON type seen, or null for a missing field. */
  observed: string | null;
  /** The JSON types ReqBridge expects, e.g. `string|null`. */
  expected: string | null;
  /** Answers it was seen in. */
  count: number;
  firstSeen: string;
  lastSeen: string;
  /** The sync relies on this field: a missing or mistyped one is a warning in Check connection. */
  relied: boolean;
}

/** One endpoint's answers. */
export interface ApiShapeEndpointView {
  vendor: 'lever' | 'charthop';
  /** Method and path template, e.g. `GET /requisitions`. */
  endpoint: string;
  responses: number;
  firstSeen: string;
  lastSeen: string;
  findings: ApiShapeFindingView[];
}

/** Every endpoint a profile's clients parsed answers from. */
export interface ApiShapeReport {
  profileId: string;
  generatedAt: string;
  endpoints: ApiShapeEndpointView[];
}
