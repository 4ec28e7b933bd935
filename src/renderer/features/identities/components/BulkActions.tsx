// Bulk activate, deactivate and delete for the selected identities, four requests at a time, with one
// summary notification. Production deletions need the typed phrase "delete N identities".
import { Button, Group, Paper, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconPlayerPause, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { ConnectionProfile } from '../../../../shared/console-api';
import type { Identity } from '../../../../shared/kratos';
import { kratosKeys } from '../../../api/keys';
import { TypedConfirmModal } from '../../../components/TypedConfirmModal';
import { describeError } from '../../../lib/api';
import { isWritable } from '../../../lib/connection';
import { plural } from '../../../lib/format';
import { confirmationValue } from '../../../lib/identity';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { deleteIdentity } from '../api/delete-identity';
import { patchIdentity } from '../api/patch-identity';

async function forEachLimited<T>(
  items: T[],
  limit: number,
  run: (item: T) => Promise<void>,
): Promise<unknown[]> {
  const errors: unknown[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await run(item).catch((e: unknown) => void errors.push(e));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return errors;
}

export function BulkActions(props: {
  connection: ConnectionProfile;
  selected: Identity[];
  onDone(): void;
}): ReactNode {
  const { connection, selected } = props;
  const cid = connection.id;
  const qc = useQueryClient();
  const [busy, setBusy] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const writable = isWritable(connection);
  const count = selected.length;

  const run = async (label: string, action: (i: Identity) => Promise<void>): Promise<void> => {
    setBusy(label);
    const errors = await forEachLimited(selected, 4, action);
    setBusy(undefined);
    setConfirming(false);
    await qc.invalidateQueries({ queryKey: kratosKeys.all(cid) });
    props.onDone();
    if (errors.length === 0) notifySuccess(`${label}: ${plural(count, 'identity', 'identities')}`);
    else
      notifyError(
        errors[0],
        `${label}: ${errors.length} of ${count} failed (${describeError(errors[0]).title})`,
      );
  };
  const setState = (state: 'active' | 'inactive'): Promise<void> =>
    run(state === 'active' ? 'Activated' : 'Deactivated', (i) =>
      patchIdentity(cid, { id: i.id, operations: [{ op: 'replace', path: '/state', value: state }] }).then(
        () => undefined,
      ),
    );

  return (
    <Paper withBorder p="xs" radius="md" bg="var(--mantine-color-default-hover)">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {plural(count, 'identity', 'identities')} selected
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlayerPlay size={14} />}
            disabled={!writable || !!busy}
            loading={busy === 'Activated'}
            onClick={() => void setState('active')}
          >
            Activate
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlayerPause size={14} />}
            disabled={!writable || !!busy}
            loading={busy === 'Deactivated'}
            onClick={() => void setState('inactive')}
          >
            Deactivate
          </Button>
          <Button
            size="xs"
            color="red"
            variant="light"
            leftSection={<IconTrash size={14} />}
            disabled={!writable || !!busy}
            onClick={() => setConfirming(true)}
          >
            Delete
          </Button>
          <Button size="xs" variant="subtle" onClick={props.onDone}>
            Clear
          </Button>
        </Group>
      </Group>
      <TypedConfirmModal
        opened={confirming}
        title={`Delete ${plural(count, 'identity', 'identities')}?`}
        description={`This deletes the selected identities with their credentials and sessions from "${connection.name}". It cannot be undone.`}
        confirmLabel={`Delete ${plural(count, 'identity', 'identities')}`}
        phrase={
          connection.production ? `delete ${count} ${count === 1 ? 'identity' : 'identities'}` : undefined
        }
        loading={busy === 'Deleted'}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          void run('Deleted', (i) =>
            deleteIdentity(cid, {
              id: i.id,
              confirmation: connection.production ? confirmationValue(i) : undefined,
            }),
          )
        }
      />
    </Paper>
  );
}
