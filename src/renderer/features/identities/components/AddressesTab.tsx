// Verifiable and recovery addresses, as Kratos derived them from the schema's extension.
import { Badge, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Identity } from '../../../../shared/kratos';
import { exact, fromNow } from '../../../lib/format';

export function AddressesTab({ identity }: { identity: Identity }): ReactNode {
  const verifiable = identity.verifiable_addresses ?? [];
  const recovery = identity.recovery_addresses ?? [];
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={5}>Verifiable addresses</Title>
        {verifiable.length === 0 ? (
          <Text size="sm" c="dimmed">
            None: no trait has <code>verification</code> in the schema's ory.sh/kratos extension.
          </Text>
        ) : (
          <Table aria-label="Verifiable addresses">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Address</Table.Th>
                <Table.Th>Via</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Verified</Table.Th>
                <Table.Th>Updated</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {verifiable.map((a) => (
                <Table.Tr key={a.id ?? a.value}>
                  <Table.Td>{a.value}</Table.Td>
                  <Table.Td>{a.via}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={a.status === 'completed' ? 'teal' : a.status === 'sent' ? 'blue' : 'gray'}
                      size="sm"
                    >
                      {a.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {a.verified ? (
                      <Tooltip label={exact(a.verified_at)}>
                        <Badge color="teal" size="sm">
                          verified {a.verified_at ? fromNow(a.verified_at) : ''}
                        </Badge>
                      </Tooltip>
                    ) : (
                      <Badge color="gray" variant="outline" size="sm">
                        not verified
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{fromNow(a.updated_at)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={5}>Recovery addresses</Title>
        {recovery.length === 0 ? (
          <Text size="sm" c="dimmed">
            None: no trait has <code>recovery</code> in the schema's extension.
          </Text>
        ) : (
          <Table aria-label="Recovery addresses">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Address</Table.Th>
                <Table.Th>Via</Table.Th>
                <Table.Th>Created</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {recovery.map((a) => (
                <Table.Tr key={a.id ?? a.value}>
                  <Table.Td>{a.value}</Table.Td>
                  <Table.Td>{a.via}</Table.Td>
                  <Table.Td>{fromNow(a.created_at)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Stack>
  );
}
