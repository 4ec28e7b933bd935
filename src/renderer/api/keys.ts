// Query keys per connection, so switching connections never shows another connection's cache and a
// mutation can invalidate exactly what it changed.
export const kratosKeys = {
  all: (cid: string) => ['kratos', cid] as const,
  identities: (cid: string) => ['kratos', cid, 'identities'] as const,
  identity: (cid: string, id: string) => ['kratos', cid, 'identity', id] as const,
  identitySessions: (cid: string, id: string) => ['kratos', cid, 'identity', id, 'sessions'] as const,
  sessions: (cid: string) => ['kratos', cid, 'sessions'] as const,
  session: (cid: string, id: string) => ['kratos', cid, 'session', id] as const,
  schemas: (cid: string) => ['kratos', cid, 'schemas'] as const,
};
