// A failed request, shown with everything Kratos said: message, reason, error id and request id.
import { Alert, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ApiError, describeError } from '../lib/api';

export function ErrorAlert({
  error,
  title,
  children,
}: {
  error: unknown;
  title?: string;
  children?: ReactNode;
}): ReactNode {
  const d = describeError(error);
  const e = error instanceof ApiError ? error : undefined;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={title ?? d.title}
      role="alert"
    >
      <Stack gap={4}>
        {title && (
          <Text size="sm" fw={500}>
            {d.title}
          </Text>
        )}
        {d.message && <Text size="sm">{d.message}</Text>}
        {(e?.id || e?.status || e?.requestId) && (
          <Group gap="xs">
            {e?.status ? <Code>HTTP {e.status}</Code> : null}
            {e?.id && <Code>{e.id}</Code>}
            {e?.requestId && <Code>request {e.requestId}</Code>}
          </Group>
        )}
        {children}
      </Stack>
    </Alert>
  );
}
