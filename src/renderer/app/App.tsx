// Providers (theme, notifications, queries), the access-token gate, and the router.
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AuthGate } from '../features/auth/AuthGate';
import { LiveEvents } from '../lib/live';
import { createQueryClient } from './query-client';
import { routes } from './routes';
import { theme } from './theme';

export function App(): ReactNode {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="bottom-right" limit={4} />
      <QueryClientProvider client={queryClient}>
        <AuthGate>
          <LiveEvents>
            <RouterProvider router={router} />
          </LiveEvents>
        </AuthGate>
      </QueryClientProvider>
    </MantineProvider>
  );
}
