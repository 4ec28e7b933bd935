// The console opens only with this launch's access token. Normally the printed/loaded URL carries it and the
// backend has already traded it for a cookie; otherwise this screen takes the link or token.
import { Alert, Button, Center, Code, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { consolePaths } from '../../../shared/console-api';
import { apiRequest, UNAUTHORIZED_EVENT } from '../../lib/api';

async function checkSession(): Promise<boolean> {
  const res = await fetch(consolePaths.session, { credentials: 'same-origin' });
  if (res.ok) return true;
  // A server that did not exchange ?token= itself (the Vite dev server proxying /api): do it here.
  const token = new URLSearchParams(window.location.search).get('token');
  if (!token) return false;
  const url = new URL(window.location.href);
  url.searchParams.delete('token');
  window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
  const exchanged = await fetch(consolePaths.session, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  return exchanged.ok;
}

/** Accepts a whole console URL (…/?token=…) or the bare token. */
export function tokenFromInput(input: string): string {
  const trimmed = input.trim();
  try {
    return new URL(trimmed).searchParams.get('token') ?? trimmed;
  } catch {
    return trimmed;
  }
}

export function AuthGate({ children }: { children: ReactNode }): ReactNode {
  const qc = useQueryClient();
  const session = useQuery({
    queryKey: ['console-session'],
    queryFn: checkSession,
    staleTime: Infinity,
    retry: false,
  });
  const [input, setInput] = useState('');
  const [error, setError] = useState<string>();
  const invalidLink = new URLSearchParams(window.location.search).get('auth') === 'invalid';

  useEffect(() => {
    const onUnauthorized = (): void => {
      qc.setQueryData(['console-session'], false);
    };
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
  }, [qc]);

  if (session.isLoading)
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  if (session.data) return <>{children}</>;
  return (
    <Center h="100vh" p="md">
      <Paper withBorder p="xl" radius="lg" maw={520} w="100%">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            apiRequest(consolePaths.session, { method: 'POST', json: { token: tokenFromInput(input) } })
              .then(() => {
                window.history.replaceState(null, '', window.location.pathname);
                qc.clear();
                qc.setQueryData(['console-session'], true);
              })
              .catch(() =>
                setError(
                  'That is not the access token of this launch. Tokens change every time Gatehouse starts.',
                ),
              );
          }}
        >
          <Stack>
            <Stack gap={4} align="center">
              <IconLock size={32} />
              <Title order={3}>Gatehouse console</Title>
            </Stack>
            <Text size="sm" c="dimmed">
              The console is protected by an access token that changes every time Gatehouse starts. Open the
              link that <Code>gatehouse serve</Code> printed, or paste it here.
            </Text>
            {invalidLink && <Alert color="red">That link is from another launch (or mistyped).</Alert>}
            <TextInput
              label="Console link or token"
              value={input}
              onChange={(e) => setInput(e.currentTarget.value)}
              placeholder="http://127.0.0.1:4400/?token=…"
              autoFocus
              error={error}
            />
            <Button type="submit" disabled={!input.trim()}>
              Open console
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
