import { Button, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function NotFound(): ReactNode {
  return (
    <Stack align="flex-start">
      <Title order={3}>Page not found</Title>
      <Text c="dimmed">This console has no such screen.</Text>
      <Button component={Link} to="/">
        Go to identities
      </Button>
    </Stack>
  );
}
