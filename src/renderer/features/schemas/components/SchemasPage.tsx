// The connection's identity schemas, read-only, with what Kratos does with each trait.
import { Badge, Center, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useSchemas } from '../../../api/list-schemas';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { JsonEditor } from '../../../components/json-editor/JsonEditor';
import { PageHeader } from '../../../components/PageHeader';
import { useConnection } from '../../../lib/connection';

export function SchemasPage(): ReactNode {
  const c = useConnection();
  const schemas = useSchemas(c.id);
  const [current, setCurrent] = useState<string | null>(null);
  if (schemas.error) return <ErrorAlert error={schemas.error} title="Could not load identity schemas" />;
  if (!schemas.data)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  const selected = current ?? schemas.data[0]?.id ?? null;
  return (
    <Stack>
      <PageHeader title="Identity schemas" description={`Served by ${c.publicUrl}/schemas`} />
      {schemas.data.length === 0 ? (
        <Text c="dimmed">This connection serves no identity schemas.</Text>
      ) : (
        <Tabs value={selected} onChange={setCurrent}>
          <Tabs.List>
            {schemas.data.map((s) => (
              <Tabs.Tab key={s.id} value={s.id}>
                <Group gap={4}>
                  {s.id}
                  {typeof s.schema.title === 'string' && (
                    <Badge size="xs" variant="light">
                      {s.schema.title}
                    </Badge>
                  )}
                </Group>
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {schemas.data.map((s) => (
            <Tabs.Panel key={s.id} value={s.id} pt="md">
              <JsonEditor
                value={JSON.stringify(s.schema, null, 2)}
                readOnly
                height={520}
                label={`Schema ${s.id}`}
              />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}
