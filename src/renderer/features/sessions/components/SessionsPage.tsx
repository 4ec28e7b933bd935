// Every session of the connection, keyset-paged, filtered by active state; revoke and extend per row.
import { Button, Center, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconRefresh } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { Session } from '../../../../shared/kratos';
import { useExtendSession } from '../../../api/extend-session';
import { useRevokeSession } from '../../../api/revoke-session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { KeysetPager } from '../../../components/KeysetPager';
import { PageHeader } from '../../../components/PageHeader';
import { SessionsTable } from '../../../components/SessionsTable';
import { TypedConfirmModal } from '../../../components/TypedConfirmModal';
import { isWritable, useConnection } from '../../../lib/connection';
import { fromNow } from '../../../lib/format';
import { useKeysetPaging } from '../../../lib/keyset-paging';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useSessions } from '../api/list-sessions';

export function SessionsPage(): ReactNode {
  const connection = useConnection();
  const cid = connection.id;
  const [params, setParams] = useSearchParams();
  const activeParam = params.get('active');
  const active = activeParam === 'true' ? true : activeParam === 'false' ? false : undefined;
  const pageSize = Number(params.get('size') ?? '50') || 50;
  const paging = useKeysetPaging(JSON.stringify([cid, active, pageSize]));
  const query = useSessions(cid, { pageSize, pageToken: paging.token, active });
  const revoke = useRevokeSession(cid);
  const extend = useExtendSession(cid);
  const [revoking, setRevoking] = useState<Session>();
  useHotkeys([['r', () => void query.refetch()]]);

  const setFilter = (a: string, size = pageSize): void => {
    const p = new URLSearchParams();
    if (a !== 'all') p.set('active', a);
    if (size !== 50) p.set('size', String(size));
    setParams(p, { replace: true });
  };
  const sessions = query.data?.sessions ?? [];

  return (
    <Stack gap="sm">
      <PageHeader
        title="Sessions"
        description={`All sessions on ${connection.name}`}
        actions={
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} />}
            onClick={() => void query.refetch()}
            loading={query.isFetching && !query.isLoading}
          >
            Refresh
          </Button>
        }
      />
      <SegmentedControl
        aria-label="Session state"
        w="fit-content"
        value={active === undefined ? 'all' : String(active)}
        onChange={(v) => setFilter(v)}
        data={[
          { value: 'all', label: 'All' },
          { value: 'true', label: 'Active' },
          { value: 'false', label: 'Inactive' },
        ]}
      />
      {query.error ? (
        <ErrorAlert error={query.error} title="Could not list sessions" />
      ) : query.isLoading ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : sessions.length === 0 ? (
        <Center py="xl">
          <Text c="dimmed">
            No sessions{active === undefined ? '' : active ? ' are active' : ' are inactive'}.
          </Text>
        </Center>
      ) : (
        <SessionsTable
          connectionId={cid}
          sessions={sessions}
          showIdentity
          writable={isWritable(connection)}
          onRevoke={setRevoking}
          onExtend={(s) =>
            extend.mutate(s.id, {
              onSuccess: (u) =>
                notifySuccess(
                  u?.expires_at
                    ? `Session extended, now expires ${fromNow(u.expires_at)}`
                    : 'Session extended',
                ),
              onError: (e) => notifyError(e, 'Extending the session failed'),
            })
          }
        />
      )}
      <KeysetPager
        paging={paging}
        nextToken={query.data?.nextToken}
        pageSize={pageSize}
        onPageSize={(s) => setFilter(active === undefined ? 'all' : String(active), s)}
        shown={sessions.length}
        loading={query.isFetching}
      />
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
    </Stack>
  );
}
