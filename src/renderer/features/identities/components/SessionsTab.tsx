// The identity's sessions: revoke or extend one, or revoke them all (sign out everywhere).
import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { ConnectionProfile } from '../../../../shared/console-api';
import type { Identity, Session } from '../../../../shared/kratos';
import { useExtendSession } from '../../../api/extend-session';
import { useRevokeSession } from '../../../api/revoke-session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SessionsTable } from '../../../components/SessionsTable';
import { TypedConfirmModal } from '../../../components/TypedConfirmModal';
import { fromNow } from '../../../lib/format';
import { confirmationValue } from '../../../lib/identity';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useDeleteIdentitySessions } from '../api/delete-identity-sessions';
import { useIdentitySessions } from '../api/list-identity-sessions';

export function SessionsTab(props: {
  connection: ConnectionProfile;
  identity: Identity;
  writable: boolean;
}): ReactNode {
  const cid = props.connection.id;
  const sessions = useIdentitySessions(cid, props.identity.id);
  const revoke = useRevokeSession(cid);
  const extend = useExtendSession(cid);
  const revokeAll = useDeleteIdentitySessions(cid);
  const [revoking, setRevoking] = useState<Session>();
  const [revokingAll, setRevokingAll] = useState(false);

  if (sessions.error) return <ErrorAlert error={sessions.error} title="Could not list sessions" />;
  if (sessions.isLoading)
    return (
      <Center py="lg">
        <Loader size="sm" />
      </Center>
    );
  const list = sessions.data ?? [];
  const active = list.filter((s) => s.active).length;
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {list.length} sessions, {active} active
        </Text>
        <Button
          color="red"
          variant="light"
          leftSection={<IconLogout size={16} />}
          disabled={!props.writable || list.length === 0}
          onClick={() => setRevokingAll(true)}
        >
          Revoke all sessions
        </Button>
      </Group>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          No sessions: the identity has not signed in (or its sessions were deleted).
        </Text>
      ) : (
        <SessionsTable
          connectionId={cid}
          sessions={list}
          showIdentity={false}
          writable={props.writable}
          onRevoke={setRevoking}
          onExtend={(s) =>
            extend.mutate(s.id, {
              onSuccess: (updated) =>
                notifySuccess(
                  updated?.expires_at
                    ? `Session extended, now expires ${fromNow(updated.expires_at)}`
                    : 'Session extended',
                ),
              onError: (e) => notifyError(e, 'Extending the session failed'),
            })
          }
        />
      )}
      <TypedConfirmModal
        opened={!!revoking}
        title="Revoke this session?"
        description="The device using it is signed out at its next request."
        confirmLabel="Revoke session"
        loading={revoke.isPending}
        onClose={() => setRevoking(undefined)}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              notifySuccess('Session revoked');
              setRevoking(undefined);
            },
            onError: (e) => notifyError(e, 'Revoking the session failed'),
          })
        }
      />
      <TypedConfirmModal
        opened={revokingAll}
        title="Revoke all sessions?"
        description="Deletes every session of this identity: it is signed out everywhere."
        confirmLabel="Revoke all"
        phrase={props.connection.production ? confirmationValue(props.identity) : undefined}
        loading={revokeAll.isPending}
        onClose={() => setRevokingAll(false)}
        onConfirm={(typed) =>
          revokeAll.mutate(
            { id: props.identity.id, confirmation: props.connection.production ? typed : undefined },
            {
              onSuccess: () => {
                notifySuccess('All sessions revoked');
                setRevokingAll(false);
              },
              onError: (e) => notifyError(e, 'Revoking the sessions failed'),
            },
          )
        }
      />
    </Stack>
  );
}
