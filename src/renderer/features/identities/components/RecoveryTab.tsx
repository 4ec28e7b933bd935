// Admin recovery: a link (POST /admin/recovery/link) or a code with its flow link (/admin/recovery/code),
// with a chosen lifetime, shown and copyable. Hand them to the user out of band.
import { Alert, Button, Card, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { Identity } from '../../../../shared/kratos';
import { CopyValue } from '../../../components/CopyValue';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { exact, fromNow } from '../../../lib/format';
import { notifySuccess } from '../../../lib/notify';
import { useCreateRecovery } from '../api/create-recovery';

const LIFETIMES = [
  { value: '', label: 'Server default' },
  { value: '15m', label: '15 minutes' },
  { value: '1h', label: '1 hour' },
  { value: '24h', label: '24 hours' },
  { value: '168h', label: '7 days' },
];

export function RecoveryTab(props: {
  connectionId: string;
  identity: Identity;
  writable: boolean;
}): ReactNode {
  const [kind, setKind] = useState<'link' | 'code'>('link');
  const [expiresIn, setExpiresIn] = useState('1h');
  const create = useCreateRecovery(props.connectionId);
  const result = create.data;
  return (
    <Stack maw={760}>
      <Text size="sm" c="dimmed">
        Creates a recovery {kind} for this identity without sending any message. Whoever opens it signs in as
        this identity and can set a new password: share it only with its owner.
      </Text>
      <Group align="flex-end">
        <SegmentedControl
          aria-label="Recovery method"
          value={kind}
          onChange={(v) => {
            setKind(v === 'code' ? 'code' : 'link');
            create.reset();
          }}
          data={[
            { value: 'link', label: 'Recovery link' },
            { value: 'code', label: 'Recovery code' },
          ]}
        />
        <Select
          label="Expires in"
          data={LIFETIMES}
          value={expiresIn}
          onChange={(v) => setExpiresIn(v ?? '')}
          w={170}
          allowDeselect={false}
        />
        <Button
          leftSection={<IconKey size={16} />}
          disabled={!props.writable}
          loading={create.isPending}
          onClick={() =>
            create.mutate(
              { kind, identityId: props.identity.id, expiresIn: expiresIn || undefined },
              { onSuccess: () => notifySuccess(`Recovery ${kind} created`) },
            )
          }
        >
          Create recovery {kind}
        </Button>
      </Group>
      {create.error && <ErrorAlert error={create.error} title={`Could not create a recovery ${kind}`} />}
      {result && (
        <Card withBorder data-testid="recovery-result">
          <Stack gap="xs">
            {result.kind === 'code' && (
              <Group gap="xs">
                <Text size="sm" fw={500} w={110}>
                  Code
                </Text>
                <CopyValue value={result.recovery_code} size="lg" fw={700} />
              </Group>
            )}
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Text size="sm" fw={500} w={110}>
                {result.kind === 'code' ? 'Enter it at' : 'Link'}
              </Text>
              <CopyValue value={result.recovery_link} aria-label="Recovery link" />
            </Group>
            {result.expires_at && (
              <Group gap="xs">
                <Text size="sm" fw={500} w={110}>
                  Expires
                </Text>
                <Text size="sm" title={exact(result.expires_at)}>
                  {fromNow(result.expires_at)} ({exact(result.expires_at)})
                </Text>
              </Group>
            )}
          </Stack>
        </Card>
      )}
      {!props.writable && (
        <Alert color="yellow" variant="light">
          Unlock the connection to create recovery links.
        </Alert>
      )}
    </Stack>
  );
}
