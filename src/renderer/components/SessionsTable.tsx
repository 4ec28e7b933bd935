// Sessions as a table (global list and an identity's tab): state, AAL, methods, device, times, and
// revoke/extend per row.
import { ActionIcon, Anchor, Badge, Menu, Table, Text, Tooltip } from '@mantine/core';
import { IconClockPlus, IconDots, IconLogout } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Session } from '../../shared/kratos';
import { exact, fromNow } from '../lib/format';
import { displayName, shortId } from '../lib/identity';
import { paths } from '../lib/routes';
import { ActiveBadge } from './StateBadge';

export function SessionsTable(props: {
  connectionId: string;
  sessions: Session[];
  showIdentity: boolean;
  writable: boolean;
  onRevoke(session: Session): void;
  onExtend(session: Session): void;
}): ReactNode {
  const cid = props.connectionId;
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table aria-label="Sessions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Session</Table.Th>
            {props.showIdentity && <Table.Th>Identity</Table.Th>}
            <Table.Th>State</Table.Th>
            <Table.Th>AAL</Table.Th>
            <Table.Th>Methods</Table.Th>
            <Table.Th>Device</Table.Th>
            <Table.Th>Authenticated</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.sessions.map((s) => {
            const device = s.devices?.[0];
            return (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Anchor component={Link} to={paths.session(cid, s.id)} ff="monospace" size="sm">
                    {shortId(s.id)}
                  </Anchor>
                </Table.Td>
                {props.showIdentity && (
                  <Table.Td>
                    {s.identity ? (
                      <Anchor component={Link} to={paths.identity(cid, s.identity.id)} size="sm">
                        {displayName(s.identity)}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                )}
                <Table.Td>
                  <ActiveBadge active={s.active} />
                </Table.Td>
                <Table.Td>
                  <Badge variant="outline" color="gray" size="sm">
                    {s.authenticator_assurance_level ?? '—'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {(s.authentication_methods ?? []).map((m) => m.method).join(', ') || '—'}
                  </Text>
                </Table.Td>
                <Table.Td maw={220}>
                  <Tooltip label={device?.user_agent ?? 'No device recorded'} multiline w={320}>
                    <Text size="sm" truncate="end">
                      {device
                        ? `${device.ip_address ?? ''} ${device.location ? `· ${device.location}` : ''}`.trim() ||
                          'device'
                        : '—'}
                    </Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  <Tooltip label={exact(s.authenticated_at)}>
                    <Text size="sm">{fromNow(s.authenticated_at)}</Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  <Tooltip label={exact(s.expires_at)}>
                    <Text size="sm">{fromNow(s.expires_at)}</Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Actions for session ${s.id}`}
                        disabled={!props.writable}
                      >
                        <IconDots size={16} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item leftSection={<IconClockPlus size={14} />} onClick={() => props.onExtend(s)}>
                        Extend
                      </Menu.Item>
                      <Menu.Item
                        leftSection={<IconLogout size={14} />}
                        color="red"
                        disabled={!s.active}
                        onClick={() => props.onRevoke(s)}
                      >
                        Revoke
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
