// What "Test connection" found: Kratos version, health, whether the key was accepted, and the problems.
import { Alert, Badge, Group, List, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ConnectionTestResult } from '../../../../shared/console-api';

function Flag({ label, value }: { label: string; value: boolean | null }): ReactNode {
  const color = value === null ? 'gray' : value ? 'teal' : 'red';
  return (
    <Badge variant="light" color={color} tt="none">
      {label}: {value === null ? 'n/a' : value ? 'yes' : 'no'}
    </Badge>
  );
}

export function ConnectionTestResultView({ result }: { result: ConnectionTestResult }): ReactNode {
  return (
    <Alert
      color={result.ok ? 'teal' : result.reachable ? 'yellow' : 'red'}
      variant="light"
      icon={result.ok ? <IconCircleCheck size={18} /> : <IconCircleX size={18} />}
      title={
        result.ok
          ? `Connected: Kratos ${result.version}`
          : result.reachable
            ? 'Reachable, but not usable yet'
            : 'Not reachable'
      }
      data-testid="connection-test-result"
    >
      <Group gap={6} mb={result.problems.length ? 'xs' : 0}>
        {result.version && (
          <Badge variant="light" tt="none">
            version {result.version}
          </Badge>
        )}
        <Flag label="alive" value={result.alive} />
        <Flag label="ready" value={result.ready} />
        <Flag label="authorized" value={result.authorized} />
        <Text size="xs" c="dimmed">
          {result.latencyMs} ms
        </Text>
      </Group>
      {result.problems.length > 0 && (
        <List size="sm" spacing={2}>
          {result.problems.map((p) => (
            <List.Item key={p}>{p}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
