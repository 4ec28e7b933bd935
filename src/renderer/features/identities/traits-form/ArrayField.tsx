// An array trait: each item rendered by its schema, with add and remove (primitives or objects).
import { ActionIcon, Button, Fieldset, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { SchemaField, type FieldContext } from './SchemaField';
import { getIn, kindOf, pointer, setIn, type JsonSchema, type Path } from './schema';

export function ArrayField(props: {
  ctx: FieldContext;
  label: string;
  node: JsonSchema;
  items: JsonSchema;
  path: Path;
  required: boolean;
}): ReactNode {
  const { ctx, label, node, items, path } = props;
  const raw = getIn(ctx.value, path);
  const list = Array.isArray(raw) ? raw : [];
  const error = ctx.errors[pointer(path)];
  const emptyItem = (): unknown => {
    const k = kindOf(items);
    return k === 'object' ? {} : k === 'boolean' ? false : k === 'string' ? '' : undefined;
  };
  const write = (next: unknown[]): void =>
    ctx.onChange(setIn(ctx.value, path, next.length ? next : undefined));
  const canAdd = !ctx.readOnly && (node.maxItems === undefined || list.length < node.maxItems);

  return (
    <Fieldset legend={label} variant="filled" aria-label={label}>
      <Stack gap="xs">
        {node.description && (
          <Text size="xs" c="dimmed">
            {node.description}
          </Text>
        )}
        {list.length === 0 && (
          <Text size="sm" c="dimmed">
            No items
          </Text>
        )}
        {list.map((_, i) => (
          <Group key={i} align="flex-end" gap="xs" wrap="nowrap">
            <div style={{ flex: 1 }}>
              <SchemaField
                ctx={{ ...ctx, onChange: ctx.onChange }}
                name={String(i)}
                node={items}
                path={[...path, i]}
                required={false}
                label={`${label} ${i + 1}`}
              />
            </div>
            {!ctx.readOnly && (
              <Tooltip label="Remove">
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove ${label} ${i + 1}`}
                  onClick={() => write(list.filter((__, j) => j !== i))}
                  mb={4}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        ))}
        {error && (
          <Text size="xs" c="red">
            {error}
          </Text>
        )}
        {canAdd && (
          <Group>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => write([...list, emptyItem()])}
            >
              Add {label.toLowerCase()}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
