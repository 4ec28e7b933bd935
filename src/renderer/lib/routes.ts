// URL builders, so links never drift from the route table in app/routes.tsx.
const c = (connectionId: string): string => `/c/${encodeURIComponent(connectionId)}`;

export const paths = {
  root: '/',
  connections: '/connections',
  identities: (cid: string): string => `${c(cid)}/identities`,
  newIdentity: (cid: string): string => `${c(cid)}/identities/new`,
  identity: (cid: string, id: string, tab?: string): string =>
    `${c(cid)}/identities/${encodeURIComponent(id)}${tab ? `?tab=${tab}` : ''}`,
  sessions: (cid: string): string => `${c(cid)}/sessions`,
  session: (cid: string, id: string): string => `${c(cid)}/sessions/${encodeURIComponent(id)}`,
  schemas: (cid: string): string => `${c(cid)}/schemas`,
  overview: (cid: string): string => `${c(cid)}/overview`,
};
