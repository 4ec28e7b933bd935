// One session: identity, state, assurance level, the authentication methods in the order they happened,
// and the devices that used it; revoke and extend.
import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Center,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { IconClockPlus, IconLogout } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useExtendSession } from '../../../api/extend-session';
import { useRevokeSession } from '../../../api/revoke-session';
import { CopyValue } from '../../../components/CopyValue';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ActiveBadge } from '../../../components/StateBadge';
import { isWritable, useConnection } from '../../../lib/connection';
import { exact, fromNow } from '../../../lib/format';
import { displayName } from '../../../lib/identity';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { paths } from '../../../lib/routes';
import { useSession } from '../api/get-session';

function Field({ label, children }: { label: string; children: ReactNode }): ReactNode {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

export function SessionDetailPage(): ReactNode {
  const connection = useConnection();
  const cid = connection.id;
  const { sessionId = '' } = useParams();
  const session = useSession(cid, sessionId);
  const revoke = useRevokeSession(cid);
  const extend = useExtendSession(cid);
  const writable = isWritable(connection);

  if (session.error) return <ErrorAlert error={session.error} title="Could not load the session" />;
  if (!session.data)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  const s = session.data;
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to={paths.sessions(cid)} size="sm">
          Sessions
        </Anchor>
        <Text size="sm" ff="monospace">
          {s.id}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={2}>Session</Title>
          <ActiveBadge active={s.active} />
        </Group>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconClockPlus size={16} />}
            disabled={!writable}
            loading={extend.isPending}
            onClick={() =>
              extend.mutate(s.id, {
                onSuccess: () => notifySuccess('Session extended'),
                onError: (e) => notifyError(e, 'Extending failed'),
              })
            }
          >
            Extend
          </Button>
          <Button
            color="red"
            variant="light"
            leftSection={<IconLogout size={16} />}
            disabled={!writable || !s.active}
            loading={revoke.isPending}
            onClick={() =>
              revoke.mutate(s.id, {
                onSuccess: () => notifySuccess('Session revoked'),
                onError: (e) => notifyError(e, 'Revoking failed'),
              })
            }
          >
            Revoke
          </Button>
        </Group>
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <Field label="Session id">
            <CopyValue value={s.id} />
          </Field>
          <Field label="Identity">
            {s.identity ? (
              <Anchor component={Link} to={paths.identity(cid, s.identity.id)}>
                {displayName(s.identity)}
              </Anchor>
            ) : (
              '—'
            )}
          </Field>
          <Field label="Assurance level">
            <Badge variant="outline" color="gray">
              {s.authenticator_assurance_level ?? '—'}
            </Badge>
          </Field>
          <Field label="Authenticated">
            <Text size="sm" title={exact(s.authenticated_at)}>
              {fromNow(s.authenticated_at)}
            </Text>
          </Field>
          <Field label="Issued">
            <Text size="sm" title={exact(s.issued_at)}>
              {fromNow(s.issued_at)}
            </Text>
          </Field>
          <Field label="Expires">
            <Text size="sm" title={exact(s.expires_at)}>
              {fromNow(s.expires_at)} ({exact(s.expires_at)})
            </Text>
          </Field>
        </SimpleGrid>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={5} mb="sm">
            Authentication methods
          </Title>
          {(s.authentication_methods ?? []).length === 0 ? (
            <Text size="sm" c="dimmed">
              None recorded.
            </Text>
          ) : (
            <Timeline bulletSize={14} lineWidth={2} active={(s.authentication_methods ?? []).length}>
              {(s.authentication_methods ?? []).map((m, i) => (
                <Timeline.Item key={i} title={`${m.method}${m.provider ? ` (${m.provider})` : ''}`}>
                  <Text size="xs" c="dimmed">
                    {m.aal ?? ''} · {exact(m.completed_at)}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Card>
        <Card withBorder>
          <Title order={5} mb="sm">
            Devices
          </Title>
          {(s.devices ?? []).length === 0 ? (
            <Text size="sm" c="dimmed">
              No devices recorded.
            </Text>
          ) : (
            <Table aria-label="Devices">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>IP address</Table.Th>
                  <Table.Th>Location</Table.Th>
                  <Table.Th>User agent</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(s.devices ?? []).map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td ff="monospace">{d.ip_address ?? '—'}</Table.Td>
                    <Table.Td>{d.location || '—'}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{d.user_agent ?? '—'}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
