// Credentials by type with their identifiers; delete one (oidc/saml per provider link). Kratos refuses to
// remove the last first factor and says so; the message is shown as is.
import { ActionIcon, Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { ConnectionProfile } from '../../../../shared/console-api';
import type { Identity } from '../../../../shared/kratos';
import { TypedConfirmModal } from '../../../components/TypedConfirmModal';
import { exact, fromNow } from '../../../lib/format';
import { confirmationValue } from '../../../lib/identity';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useDeleteCredential } from '../api/delete-credential';

const DELETABLE = ['password', 'oidc', 'saml', 'totp', 'lookup_secret', 'webauthn', 'passkey', 'code'];
const PER_IDENTIFIER = ['oidc', 'saml'];

interface Target {
  type: string;
  identifier?: string | undefined;
}

export function CredentialsTab(props: {
  connection: ConnectionProfile;
  identity: Identity;
  writable: boolean;
}): ReactNode {
  const { identity, connection } = props;
  const del = useDeleteCredential(connection.id);
  const [target, setTarget] = useState<Target>();
  const entries = Object.entries(identity.credentials ?? {});
  const rows = entries.flatMap(([type, c]) =>
    PER_IDENTIFIER.includes(type) && (c.identifiers?.length ?? 0) > 1
      ? (c.identifiers ?? []).map((identifier) => ({ type, c, identifiers: [identifier], identifier }))
      : [
          {
            type,
            c,
            identifiers: c.identifiers ?? [],
            identifier: PER_IDENTIFIER.includes(type) ? c.identifiers?.[0] : undefined,
          },
        ],
  );
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed">
        This identity has no credentials: it cannot sign in until one is added.
      </Text>
    );
  return (
    <Stack>
      <Table aria-label="Credentials">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Type</Table.Th>
            <Table.Th>Identifiers</Table.Th>
            <Table.Th>Version</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Updated</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ type, c, identifiers, identifier }) => (
            <Table.Tr key={`${type}:${identifier ?? ''}`}>
              <Table.Td>
                <Badge variant="light" tt="none">
                  {type}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {identifiers.length ? (
                    identifiers.map((i) => (
                      <Badge key={i} variant="outline" color="gray" tt="none">
                        {i}
                      </Badge>
                    ))
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{c.version ?? '—'}</Table.Td>
              <Table.Td>
                <Tooltip label={exact(c.created_at)}>
                  <Text size="sm">{fromNow(c.created_at)}</Text>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                <Tooltip label={exact(c.updated_at)}>
                  <Text size="sm">{fromNow(c.updated_at)}</Text>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                {DELETABLE.includes(type) && (
                  <Tooltip label={`Delete ${type} credential`}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Delete ${type} credential`}
                      disabled={!props.writable}
                      onClick={() => setTarget({ type, identifier })}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <TypedConfirmModal
        opened={!!target}
        title={`Delete the ${target?.type} credential?`}
        description={`The identity will no longer be able to sign in with ${target?.type}${target?.identifier ? ` (${target.identifier})` : ''}.`}
        confirmLabel="Delete credential"
        phrase={connection.production ? confirmationValue(identity) : undefined}
        loading={del.isPending}
        onClose={() => setTarget(undefined)}
        onConfirm={(typed) =>
          target &&
          del.mutate(
            {
              identityId: identity.id,
              type: target.type,
              identifier: target.identifier,
              confirmation: connection.production ? typed : undefined,
            },
            {
              onSuccess: () => {
                notifySuccess(`${target.type} credential deleted`);
                setTarget(undefined);
              },
              onError: (e) => notifyError(e, 'Deleting the credential failed'),
            },
          )
        }
      />
    </Stack>
  );
}
