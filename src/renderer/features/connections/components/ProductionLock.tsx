// The production lock in the header: locked (read-only) or unlocked with a countdown; unlocking asks for
// how long, per launch.
import { Badge, Button, Group, Menu, Text, Tooltip } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { UNLOCK_MINUTES_CHOICES, type ConnectionProfile } from '../../../../shared/console-api';
import { isWritable } from '../../../lib/connection';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useConnectionLock } from '../api/unlock-connection';

function remaining(until: string | null, now: number): string {
  if (!until) return '';
  const s = Math.max(0, Math.round((Date.parse(until) - now) / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function ProductionLock({ connection }: { connection: ConnectionProfile }): ReactNode {
  const lock = useConnectionLock();
  const [now, setNow] = useState(Date.now());
  const tick = useInterval(() => setNow(Date.now()), 1000);
  useEffect(() => {
    tick.start();
    return tick.stop;
  }, [tick]);
  if (!connection.production) return null;
  const open = isWritable(connection, now);
  if (open) {
    return (
      <Group gap="xs">
        <Badge color="orange" variant="filled" leftSection={<IconLockOpen size={12} />}>
          Unlocked · {remaining(connection.unlockedUntil, now)}
        </Badge>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconLock size={14} />}
          onClick={() => lock.mutate({ id: connection.id, unlock: false })}
        >
          Lock
        </Button>
      </Group>
    );
  }
  return (
    <Group gap="xs">
      <Tooltip label="Production connections are read-only until unlocked">
        <Badge color="red" variant="filled" leftSection={<IconLock size={12} />}>
          Production · read-only
        </Badge>
      </Tooltip>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button
            size="xs"
            color="red"
            variant="light"
            leftSection={<IconLockOpen size={14} />}
            loading={lock.isPending}
          >
            Unlock
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Allow changes for</Menu.Label>
          {UNLOCK_MINUTES_CHOICES.map((m) => (
            <Menu.Item
              key={m}
              onClick={() =>
                lock.mutate(
                  { id: connection.id, unlock: true, minutes: m },
                  {
                    onSuccess: () => notifySuccess(`${connection.name} accepts changes for ${m} minutes`),
                    onError: (e) => notifyError(e),
                  },
                )
              }
            >
              <Text size="sm">{m} minutes</Text>
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
