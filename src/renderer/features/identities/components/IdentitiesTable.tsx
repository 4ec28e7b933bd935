// One page of identities: identifier (a real link, so ctrl-click opens a tab), id, schema, state,
// verification and age, with row selection for bulk actions.
import { Anchor, Badge, Checkbox, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Identity } from '../../../../shared/kratos';
import { CopyIcon } from '../../../components/CopyValue';
import { StateBadge } from '../../../components/StateBadge';
import { exact, fromNow } from '../../../lib/format';
import { displayName, shortId } from '../../../lib/identity';
import { paths } from '../../../lib/routes';

export function IdentitiesTable(props: {
  connectionId: string;
  identities: Identity[];
  selected: Set<string>;
  onSelect(next: Set<string>): void;
}): ReactNode {
  const navigate = useNavigate();
  const { identities, selected } = props;
  const allSelected = identities.length > 0 && identities.every((i) => selected.has(i.id));
  const someSelected = identities.some((i) => selected.has(i.id));
  const toggle = (id: string): void => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    props.onSelect(next);
  };

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table stickyHeader aria-label="Identities">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <Checkbox
                aria-label="Select all on this page"
                checked={allSelected}
                indeterminate={someSelected && !allSelected}
                onChange={() =>
                  props.onSelect(allSelected ? new Set() : new Set(identities.map((i) => i.id)))
                }
              />
            </Table.Th>
            <Table.Th>Identifier</Table.Th>
            <Table.Th>ID</Table.Th>
            <Table.Th>Schema</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Verified</Table.Th>
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {identities.map((identity) => {
            const href = paths.identity(props.connectionId, identity.id);
            const verified = (identity.verifiable_addresses ?? []).filter((a) => a.verified).length;
            const addresses = identity.verifiable_addresses?.length ?? 0;
            return (
              <Table.Tr
                key={identity.id}
                style={{ cursor: 'pointer' }}
                onClick={(e) => {
                  if ((e.target as HTMLElement).closest('a,button,input,label')) return;
                  void navigate(href);
                }}
                bg={selected.has(identity.id) ? 'var(--mantine-primary-color-light)' : undefined}
              >
                <Table.Td>
                  <Checkbox
                    aria-label={`Select ${displayName(identity)}`}
                    checked={selected.has(identity.id)}
                    onChange={() => toggle(identity.id)}
                  />
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={href} size="sm" fw={500}>
                    {displayName(identity)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <Tooltip label={identity.id}>
                      <Text ff="monospace" size="xs" c="dimmed">
                        {shortId(identity.id)}
                      </Text>
                    </Tooltip>
                    <CopyIcon value={identity.id} label="Copy id" />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge variant="outline" color="gray" size="sm" tt="none">
                    {identity.schema_id}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <StateBadge state={identity.state} />
                </Table.Td>
                <Table.Td>
                  {addresses === 0 ? (
                    <Text size="xs" c="dimmed">
                      —
                    </Text>
                  ) : (
                    <Tooltip label={`${verified} of ${addresses} addresses verified`}>
                      {verified > 0 ? (
                        <IconCircleCheck
                          size={18}
                          color="var(--mantine-color-teal-6)"
                          aria-label="verified"
                        />
                      ) : (
                        <IconCircleDashed
                          size={18}
                          color="var(--mantine-color-gray-5)"
                          aria-label="not verified"
                        />
                      )}
                    </Tooltip>
                  )}
                </Table.Td>
                <Table.Td>
                  <Tooltip label={exact(identity.created_at)}>
                    <Text size="sm" c="dimmed">
                      {fromNow(identity.created_at)}
                    </Text>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
