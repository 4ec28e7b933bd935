// One identity: header with its identifier, id, schema and state, actions, and tabs for traits, metadata,
// addresses, credentials, sessions and recovery. The tab is in the URL (?tab=), so it survives reloads.
import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Center,
  Group,
  Loader,
  Menu,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import {
  IconChevronDown,
  IconDownload,
  IconPlayerPause,
  IconPlayerPlay,
  IconTrash,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useSchemas } from '../../../api/list-schemas';
import { CopyValue } from '../../../components/CopyValue';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { StateBadge } from '../../../components/StateBadge';
import { TypedConfirmModal } from '../../../components/TypedConfirmModal';
import { isWritable, useConnection } from '../../../lib/connection';
import { saveTextFile } from '../../../lib/desktop';
import { exact, fromNow } from '../../../lib/format';
import { confirmationValue, displayName } from '../../../lib/identity';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { paths } from '../../../lib/routes';
import { useDeleteIdentity } from '../api/delete-identity';
import { useIdentity } from '../api/get-identity';
import { usePatchIdentity } from '../api/patch-identity';
import type { JsonSchema } from '../traits-form/schema';
import { AddressesTab } from './AddressesTab';
import { CredentialsTab } from './CredentialsTab';
import { MetadataTab } from './MetadataTab';
import { RecoveryTab } from './RecoveryTab';
import { SessionsTab } from './SessionsTab';
import { TraitsTab } from './TraitsTab';

const TABS = ['traits', 'metadata', 'addresses', 'credentials', 'sessions', 'recovery'] as const;

export function IdentityDetailPage(): ReactNode {
  const connection = useConnection();
  const cid = connection.id;
  const { identityId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const identity = useIdentity(cid, identityId);
  const schemas = useSchemas(cid);
  const patch = usePatchIdentity(cid);
  const del = useDeleteIdentity(cid);
  const [deleting, setDeleting] = useState(false);
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as string)
    : 'traits';
  const writable = isWritable(connection);

  if (identity.error) {
    return (
      <Stack>
        <Anchor component={Link} to={paths.identities(cid)} size="sm">
          ← Identities
        </Anchor>
        <ErrorAlert error={identity.error} title="Could not load the identity" />
      </Stack>
    );
  }
  if (!identity.data)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  const i = identity.data;
  const schema = schemas.data?.find((s) => s.id === i.schema_id)?.schema as JsonSchema | undefined;
  const active = (i.state ?? 'active') === 'active';

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to={paths.identities(cid)} size="sm">
          Identities
        </Anchor>
        <Text size="sm">{displayName(i)}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={2}>{displayName(i)}</Title>
            <StateBadge state={i.state} />
            <Badge variant="outline" color="gray" tt="none">
              {i.schema_id}
            </Badge>
          </Group>
          <CopyValue value={i.id} c="dimmed" />
          <Text size="xs" c="dimmed" title={`${exact(i.created_at)} / ${exact(i.updated_at)}`}>
            Created {fromNow(i.created_at)} · updated {fromNow(i.updated_at)}
            {i.external_id ? ` · external id ${i.external_id}` : ''}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={active ? <IconPlayerPause size={16} /> : <IconPlayerPlay size={16} />}
            disabled={!writable}
            loading={patch.isPending}
            onClick={() =>
              patch.mutate(
                {
                  id: i.id,
                  operations: [{ op: 'replace', path: '/state', value: active ? 'inactive' : 'active' }],
                },
                {
                  onSuccess: () =>
                    notifySuccess(
                      active ? 'Identity deactivated: it can no longer sign in' : 'Identity activated',
                    ),
                  onError: (e) => notifyError(e, 'Changing the state failed'),
                },
              )
            }
          >
            {active ? 'Deactivate' : 'Activate'}
          </Button>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" rightSection={<IconChevronDown size={14} />}>
                More
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                leftSection={<IconDownload size={14} />}
                onClick={() =>
                  void saveTextFile({
                    title: 'Save identity',
                    defaultName: `identity-${i.id}.json`,
                    filters: [{ name: 'JSON', extensions: ['json'] }],
                    contents: JSON.stringify(i, null, 2),
                  })
                }
              >
                Save as JSON
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={14} />}
                disabled={!writable}
                onClick={() => setDeleting(true)}
              >
                Delete identity
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>

      <Tabs
        value={tab}
        onChange={(t) => setParams(t && t !== 'traits' ? { tab: t } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="traits">Traits</Tabs.Tab>
          <Tabs.Tab value="metadata">Metadata</Tabs.Tab>
          <Tabs.Tab value="addresses">Addresses</Tabs.Tab>
          <Tabs.Tab value="credentials">Credentials</Tabs.Tab>
          <Tabs.Tab value="sessions">Sessions</Tabs.Tab>
          <Tabs.Tab value="recovery">Recovery</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="traits" pt="md">
          <TraitsTab connectionId={cid} identity={i} schema={schema} writable={writable} />
        </Tabs.Panel>
        <Tabs.Panel value="metadata" pt="md">
          <MetadataTab connectionId={cid} identity={i} writable={writable} />
        </Tabs.Panel>
        <Tabs.Panel value="addresses" pt="md">
          <AddressesTab identity={i} />
        </Tabs.Panel>
        <Tabs.Panel value="credentials" pt="md">
          <CredentialsTab connection={connection} identity={i} writable={writable} />
        </Tabs.Panel>
        <Tabs.Panel value="sessions" pt="md">
          <SessionsTab connection={connection} identity={i} writable={writable} />
        </Tabs.Panel>
        <Tabs.Panel value="recovery" pt="md">
          <RecoveryTab connectionId={cid} identity={i} writable={writable} />
        </Tabs.Panel>
      </Tabs>

      <TypedConfirmModal
        opened={deleting}
        title="Delete this identity?"
        description={`${displayName(i)} is deleted from "${connection.name}" with its credentials and sessions. This cannot be undone.`}
        confirmLabel="Delete identity"
        phrase={connection.production ? confirmationValue(i) : undefined}
        loading={del.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={(typed) =>
          del.mutate(
            { id: i.id, confirmation: connection.production ? typed : undefined },
            {
              onSuccess: () => {
                notifySuccess(`${displayName(i)} deleted`);
                void navigate(paths.identities(cid));
              },
              onError: (e) => notifyError(e, 'Deleting the identity failed'),
            },
          )
        }
      />
    </Stack>
  );
}
