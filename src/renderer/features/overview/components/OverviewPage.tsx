// The embedded server at a glance: its URLs (for your UI's SDK configuration), data folder, identity count,
// schemas and configuration warnings. Remote connections get an explanation instead.
import { Alert, Card, Center, Code, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { CopyValue } from '../../../components/CopyValue';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useConnection } from '../../../lib/connection';
import { useOverview } from '../api/get-overview';

export function EmbeddedOnlyNotice({ what }: { what: string }): ReactNode {
  const c = useConnection();
  return (
    <Alert
      icon={<IconInfoCircle size={18} />}
      color="blue"
      variant="light"
      title={`${what} is part of the embedded server`}
    >
      "{c.name}" is a remote Kratos reached through its admin API, which has no such endpoint. Switch to the
      embedded server to use this screen.
    </Alert>
  );
}

export function OverviewPage(): ReactNode {
  const c = useConnection();
  const embedded = c.capabilities.embeddedFeatures;
  const overview = useOverview(c.id, embedded);
  if (!embedded) return <EmbeddedOnlyNotice what="The server overview" />;
  if (overview.error) return <ErrorAlert error={overview.error} />;
  if (!overview.data)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  const o = overview.data;
  return (
    <Stack>
      <PageHeader
        title="Embedded server"
        description="The Kratos-compatible server running inside Gatehouse."
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={5} mb="xs">
            Endpoints
          </Title>
          <Text size="sm" c="dimmed">
            Public API (your UI and the SDK's FrontendApi)
          </Text>
          <CopyValue value={o.publicUrl} />
          <Text size="sm" c="dimmed" mt="xs">
            Admin API (IdentityApi)
          </Text>
          <CopyValue value={o.adminUrl} />
          {o.dataDir && (
            <>
              <Text size="sm" c="dimmed" mt="xs">
                Data folder (kratos.yml, identity schemas, SQLite)
              </Text>
              <CopyValue value={o.dataDir} />
            </>
          )}
        </Card>
        <Card withBorder>
          <Title order={5} mb="xs">
            Identities
          </Title>
          <Text size="xl" fw={700}>
            {o.identityCount.toLocaleString()}
          </Text>
          <Text size="sm" c="dimmed" mt="xs">
            Schemas
          </Text>
          <List size="sm">
            {o.schemaIds.map((id) => (
              <List.Item key={id}>
                <Code>{id}</Code>{' '}
                {id === o.defaultSchemaId && (
                  <Text span size="xs" c="dimmed">
                    (default)
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </Card>
      </SimpleGrid>
      {o.warnings.length > 0 && (
        <Alert color="yellow" variant="light" title={`${o.warnings.length} configuration warnings`}>
          <List size="sm">
            {o.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
