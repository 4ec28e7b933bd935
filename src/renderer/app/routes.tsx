// The one route table. Every screen of a connection lives under /c/:connectionId, so links are shareable
// and switching connections keeps the section.
import { Navigate, type RouteObject } from 'react-router';
import { EMBEDDED_CONNECTION_ID } from '../../shared/console-api';
import { ConnectionsPage } from '../features/connections/components/ConnectionsPage';
import { CreateIdentityPage } from '../features/identities/components/CreateIdentityPage';
import { IdentitiesPage } from '../features/identities/components/IdentitiesPage';
import { IdentityDetailPage } from '../features/identities/components/IdentityDetailPage';
import { OverviewPage } from '../features/overview/components/OverviewPage';
import { SchemasPage } from '../features/schemas/components/SchemasPage';
import { SessionDetailPage } from '../features/sessions/components/SessionDetailPage';
import { SessionsPage } from '../features/sessions/components/SessionsPage';
import { paths } from '../lib/routes';
import { NotFound } from './NotFound';
import { Shell } from './Shell';

export const routes: RouteObject[] = [
  {
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to={paths.identities(EMBEDDED_CONNECTION_ID)} replace /> },
      { path: 'connections', element: <ConnectionsPage /> },
      {
        path: 'c/:connectionId',
        children: [
          { index: true, element: <Navigate to="identities" replace /> },
          { path: 'identities', element: <IdentitiesPage /> },
          { path: 'identities/new', element: <CreateIdentityPage /> },
          { path: 'identities/:identityId', element: <IdentityDetailPage /> },
          { path: 'sessions', element: <SessionsPage /> },
          { path: 'sessions/:sessionId', element: <SessionDetailPage /> },
          { path: 'schemas', element: <SchemasPage /> },
          { path: 'overview', element: <OverviewPage /> },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];
