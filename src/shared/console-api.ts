// The console backend's HTTP contract (ARCHITECTURE.md D4): the renderer and the backend both import these
// types; nothing here imports anything else in src/.

/** Every console endpoint lives under this prefix; everything else is the renderer's static files. */
export const CONSOLE_API_PREFIX = '/api';

/** The embedded server is always there and always has this id. */
export const EMBEDDED_CONNECTION_ID = 'embedded';

/**
 * Sent with destructive requests to a production connection: the identifier (or id) of the identity the user
 * typed to confirm. The backend refuses the request when it does not match the identity.
 */
export const CONFIRM_HEADER = 'X-Gatehouse-Confirm';

/** Error ids the console backend adds to Kratos's vocabulary (same `{error:{...}}` shape). */
export const CONSOLE_ERROR_IDS = {
  unauthorized: 'gatehouse_console_unauthorized',
  forbiddenOrigin: 'gatehouse_console_forbidden_origin',
  connectionLocked: 'gatehouse_connection_locked',
  confirmationRequired: 'gatehouse_confirmation_required',
  upstreamUnreachable: 'gatehouse_upstream_unreachable',
  pathNotAllowed: 'gatehouse_path_not_allowed',
  unknownConnection: 'gatehouse_unknown_connection',
  invalidConnection: 'gatehouse_invalid_connection',
} as const;

export const CONNECTION_COLORS = [
  'gray',
  'blue',
  'cyan',
  'teal',
  'green',
  'lime',
  'yellow',
  'orange',
  'red',
  'pink',
  'grape',
  'violet',
  'indigo',
] as const;
export type ConnectionColor = (typeof CONNECTION_COLORS)[number];

export type ConnectionKind = 'embedded' | 'remote';

/** What a connection can do beyond the Kratos admin API; screens use it to hide or explain themselves. */
export interface ConnectionCapabilities {
  /** `GET /admin/identities` understands Gatehouse's `schema_id` and `state` filters. */
  serverSideFilters: boolean;
  /** Gatehouse-only screens (server overview, and later mail, flows, config) are available. */
  embeddedFeatures: boolean;
}

/** A connection as the renderer sees it: never the secret, only whether there is one. */
export interface ConnectionProfile {
  id: string;
  kind: ConnectionKind;
  name: string;
  adminUrl: string;
  publicUrl: string;
  color: ConnectionColor;
  /** Production connections are read-only until unlocked, and deletions need a typed confirmation. */
  production: boolean;
  hasApiKey: boolean;
  /** The stored key cannot be read by this host (e.g. encrypted by the desktop app's OS keychain). */
  apiKeyUnavailable: boolean;
  /** ISO time until which a production connection accepts writes; null when locked (or not production). */
  unlockedUntil: string | null;
  capabilities: ConnectionCapabilities;
}

/** Create or update a remote connection. `apiKey`: a string sets it, null removes it, absent keeps it. */
export interface ConnectionInput {
  name: string;
  adminUrl: string;
  publicUrl?: string;
  color: ConnectionColor;
  production: boolean;
  apiKey?: string | null;
}

/** Only the fields the embedded connection lets you change. */
export interface EmbeddedConnectionInput {
  color?: ConnectionColor;
  production?: boolean;
  name?: string;
}

export interface ConnectionTestResult {
  ok: boolean;
  /** The admin API answered at all. */
  reachable: boolean;
  /** `GET /version` → `version`. */
  version: string | null;
  /** `/health/alive` and `/health/ready`: null when the endpoint is not exposed (e.g. Ory Network). */
  alive: boolean | null;
  ready: boolean | null;
  /** A one-item identity list worked with the configured credentials; null when it could not be tried. */
  authorized: boolean | null;
  latencyMs: number;
  problems: string[];
}

export interface UnlockRequest {
  minutes: number;
}

export const UNLOCK_MINUTES_CHOICES = [5, 15, 60] as const;
export const DEFAULT_UNLOCK_MINUTES = 15;

export type SecretStorageKind = 'os-keychain' | 'file' | 'memory';

export interface ConsoleInfo {
  gatehouseVersion: string;
  /** Where the console runs: the desktop app or a browser tab served by `gatehouse serve`. */
  host: 'desktop' | 'browser';
  secretStorage: { kind: SecretStorageKind; description: string };
  dataDir: string | null;
  embedded: { publicUrl: string; adminUrl: string; warnings: string[] };
}

export interface ConsoleSessionRequest {
  token: string;
}

export interface IdentitySchemaEntry {
  id: string;
  schema: Record<string, unknown>;
}

/** GET /api/connections/:id/overview (embedded only): what the embedded server runs on. */
export interface EmbeddedOverview {
  publicUrl: string;
  adminUrl: string;
  dataDir: string | null;
  identityCount: number;
  schemaIds: string[];
  defaultSchemaId: string;
  warnings: string[];
}

export const consolePaths = {
  info: '/api/info',
  session: '/api/session',
  connections: '/api/connections',
  connection: (id: string): string => `/api/connections/${encodeURIComponent(id)}`,
  testConnection: (id: string): string => `/api/connections/${encodeURIComponent(id)}/test`,
  testDraft: '/api/connections/test',
  unlock: (id: string): string => `/api/connections/${encodeURIComponent(id)}/unlock`,
  lock: (id: string): string => `/api/connections/${encodeURIComponent(id)}/lock`,
  schemas: (id: string): string => `/api/connections/${encodeURIComponent(id)}/schemas`,
  overview: (id: string): string => `/api/connections/${encodeURIComponent(id)}/overview`,
  exportIdentities: (id: string): string => `/api/connections/${encodeURIComponent(id)}/export/identities`,
  /** The Kratos admin API of a connection, e.g. kratos('embedded', '/admin/identities'). */
  kratos: (id: string, path: string): string =>
    `/api/connections/${encodeURIComponent(id)}/kratos${path.startsWith('/') ? path : `/${path}`}`,
} as const;
