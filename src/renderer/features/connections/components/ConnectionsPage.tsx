// Manage connections: the embedded server (colour and production flag only) and remote Kratos admin APIs.
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconEdit, IconPlugConnected, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { ConnectionProfile, ConnectionTestResult } from '../../../../shared/console-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { TypedConfirmModal } from '../../../components/TypedConfirmModal';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { paths } from '../../../lib/routes';
import { useDeleteConnection } from '../api/delete-connection';
import { useConsoleInfo } from '../api/get-console-info';
import { useConnections } from '../api/list-connections';
import { useSaveConnection } from '../api/save-connection';
import { useTestConnection } from '../api/test-connection';
import { ConnectionForm } from './ConnectionForm';
import { ConnectionTestResultView } from './ConnectionTestResult';

function ConnectionCard(props: { c: ConnectionProfile; onEdit(): void; onDelete(): void }): ReactNode {
  const { c } = props;
  const test = useTestConnection();
  const save = useSaveConnection();
  const navigate = useNavigate();
  const [result, setResult] = useState<ConnectionTestResult>();
  return (
    <Card
      withBorder
      padding="md"
      style={{ borderLeft: `4px solid var(--mantine-color-${c.color}-6)` }}
      data-testid={`connection-${c.name}`}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Title order={4}>{c.name}</Title>
            <Badge variant="light" color={c.kind === 'embedded' ? 'teal' : 'blue'}>
              {c.kind}
            </Badge>
            {c.production && <Badge color="red">production</Badge>}
          </Group>
          <Group gap={4}>
            <Tooltip label="Test connection">
              <ActionIcon
                variant="subtle"
                aria-label={`Test ${c.name}`}
                loading={test.isPending}
                onClick={() =>
                  test.mutate({ id: c.id }, { onSuccess: setResult, onError: (e) => notifyError(e) })
                }
              >
                <IconPlugConnected size={16} />
              </ActionIcon>
            </Tooltip>
            {c.kind === 'remote' && (
              <>
                <Tooltip label="Edit">
                  <ActionIcon variant="subtle" aria-label={`Edit ${c.name}`} onClick={props.onEdit}>
                    <IconEdit size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Remove">
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove ${c.name}`}
                    onClick={props.onDelete}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </>
            )}
          </Group>
        </Group>
        <Text size="sm" ff="monospace" c="dimmed">
          admin {c.adminUrl}
        </Text>
        {c.publicUrl !== c.adminUrl && (
          <Text size="sm" ff="monospace" c="dimmed">
            public {c.publicUrl}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {c.kind === 'embedded'
            ? 'Runs inside Gatehouse'
            : c.hasApiKey
              ? 'API key stored on the backend'
              : 'No API key (unauthenticated admin API)'}
        </Text>
        {c.kind === 'embedded' && (
          <Switch
            label="Treat as production (read-only until unlocked)"
            checked={c.production}
            onChange={(e) => save.mutate({ id: c.id, input: { production: e.currentTarget.checked } })}
          />
        )}
        {result && <ConnectionTestResultView result={result} />}
        <Group>
          <Button size="xs" variant="light" onClick={() => void navigate(paths.identities(c.id))}>
            Open
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function ConnectionsPage(): ReactNode {
  const connections = useConnections();
  const info = useConsoleInfo();
  const remove = useDeleteConnection();
  const navigate = useNavigate();
  const [editing, setEditing] = useState<ConnectionProfile | 'new'>();
  const [deleting, setDeleting] = useState<ConnectionProfile>();

  return (
    <Stack>
      <PageHeader
        title="Connections"
        description="The embedded server and the Kratos admin APIs this console manages. API keys stay in the Gatehouse backend."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            Add connection
          </Button>
        }
      />
      {connections.error && <ErrorAlert error={connections.error} />}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {(connections.data ?? []).map((c) => (
          <ConnectionCard key={c.id} c={c} onEdit={() => setEditing(c)} onDelete={() => setDeleting(c)} />
        ))}
      </SimpleGrid>
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing === 'new' ? 'Add a Kratos connection' : `Edit ${editing?.name ?? ''}`}
        size="lg"
      >
        {editing !== undefined && (
          <ConnectionForm
            initial={editing === 'new' ? undefined : editing}
            secretStorageNote={info.data?.secretStorage.description}
            onCancel={() => setEditing(undefined)}
            onSaved={(p) => {
              notifySuccess(`${p.name} saved`);
              setEditing(undefined);
              if (editing === 'new') void navigate(paths.identities(p.id));
            }}
          />
        )}
      </Modal>
      <TypedConfirmModal
        opened={!!deleting}
        title={`Remove ${deleting?.name ?? ''}?`}
        description="Removes the connection and its stored API key from Gatehouse. Nothing changes on the server itself."
        confirmLabel="Remove"
        onClose={() => setDeleting(undefined)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifySuccess(`${deleting.name} removed`);
              setDeleting(undefined);
            },
            onError: (e) => notifyError(e),
          })
        }
      />
    </Stack>
  );
}
