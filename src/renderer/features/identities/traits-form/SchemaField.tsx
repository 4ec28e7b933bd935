// One field of the traits form, chosen by the schema node's kind; objects and arrays recurse.
import {
  Badge,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { ArrayField } from './ArrayField';
import {
  extensionBadges,
  getIn,
  kindOf,
  labelOf,
  pointer,
  resolve,
  setIn,
  type JsonSchema,
  type Path,
} from './schema';

export interface FieldContext {
  root: JsonSchema;
  errors: Record<string, string>;
  readOnly: boolean;
  value: unknown;
  onChange(value: unknown): void;
}

export interface SchemaFieldProps {
  ctx: FieldContext;
  name: string;
  node: JsonSchema;
  path: Path;
  required: boolean;
  /** Inside an array the item has no label of its own. */
  label?: string;
}

const INPUT_TYPE: Record<string, string> = {
  email: 'email',
  uri: 'url',
  url: 'url',
  tel: 'tel',
  date: 'date',
};

export function SchemaField({
  ctx,
  name,
  node: raw,
  path,
  required,
  label: labelOverride,
}: SchemaFieldProps): ReactNode {
  const node = resolve(ctx.root, raw);
  const kind = kindOf(node);
  const label = labelOverride ?? labelOf(name, node);
  const value = getIn(ctx.value, path);
  const error = ctx.errors[pointer(path)];
  const set = (v: unknown): void => ctx.onChange(setIn(ctx.value, path, v));
  const description = <FieldDescription node={node} />;

  switch (kind) {
    case 'object':
      return (
        <Fieldset legend={label} variant="filled" disabled={ctx.readOnly} aria-label={label}>
          <Stack gap="sm">
            {node.description && (
              <Text size="xs" c="dimmed">
                {node.description}
              </Text>
            )}
            {Object.entries(node.properties ?? {}).map(([key, child]) => (
              <SchemaField
                key={key}
                ctx={ctx}
                name={key}
                node={child}
                path={[...path, key]}
                required={(node.required ?? []).includes(key)}
              />
            ))}
            {error && (
              <Text size="xs" c="red">
                {error}
              </Text>
            )}
          </Stack>
        </Fieldset>
      );
    case 'array': {
      const items = resolve(ctx.root, node.items);
      if (kindOf(items) === 'enum') {
        return (
          <MultiSelect
            label={label}
            description={description}
            required={required}
            data={(items.enum ?? []).map((e) => String(e))}
            value={Array.isArray(value) ? value.map((v) => String(v)) : []}
            onChange={(vs) => set(vs.length ? vs.map((v) => fromEnum(items.enum ?? [], v)) : undefined)}
            error={error}
            readOnly={ctx.readOnly}
            clearable
          />
        );
      }
      return <ArrayField ctx={ctx} label={label} node={node} items={items} path={path} required={required} />;
    }
    case 'enum':
      return (
        <Select
          label={label}
          description={description}
          required={required}
          data={(node.enum ?? []).map((e) => String(e))}
          value={value === undefined ? null : String(value)}
          onChange={(v) => set(v === null ? undefined : fromEnum(node.enum ?? [], v))}
          error={error}
          readOnly={ctx.readOnly}
          clearable={!required}
          allowDeselect={!required}
        />
      );
    case 'boolean':
      return (
        <Switch
          label={label}
          description={description}
          checked={value === true}
          onChange={(e) => set(e.currentTarget.checked)}
          error={error}
          disabled={ctx.readOnly}
        />
      );
    case 'number':
    case 'integer':
      return (
        <NumberInput
          label={label}
          description={description}
          required={required}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => set(typeof v === 'number' ? v : v === '' ? undefined : Number(v))}
          allowDecimal={kind === 'number'}
          min={node.minimum}
          max={node.maximum}
          error={error}
          readOnly={ctx.readOnly}
        />
      );
    case 'string':
      return (
        <TextInput
          label={label}
          description={description}
          required={required}
          type={INPUT_TYPE[node.format ?? ''] ?? 'text'}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => set(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
          maxLength={node.maxLength}
          error={error}
          readOnly={ctx.readOnly}
          autoComplete="off"
        />
      );
    default:
      return (
        <RawJsonField label={label} value={value} onChange={set} error={error} readOnly={ctx.readOnly} />
      );
  }
}

function FieldDescription({ node }: { node: JsonSchema }): ReactNode {
  const badges = extensionBadges(node);
  if (!node.description && badges.length === 0) return null;
  return (
    <Group gap={4} component="span" wrap="wrap">
      {node.description && <span>{node.description}</span>}
      {badges.map((b) => (
        <Badge key={b} size="xs" variant="outline" color="gray" component="span">
          {b}
        </Badge>
      ))}
    </Group>
  );
}

/** Enums of numbers or booleans come back from the select as strings. */
function fromEnum(options: unknown[], picked: string): unknown {
  return options.find((o) => String(o) === picked) ?? picked;
}

/** Schema parts the form cannot model (anyOf, untyped): edited as JSON. */
function RawJsonField(props: {
  label: string;
  value: unknown;
  onChange(v: unknown): void;
  error: string | undefined;
  readOnly: boolean;
}): ReactNode {
  const [text, setText] = useState(() =>
    props.value === undefined ? '' : JSON.stringify(props.value, null, 2),
  );
  const [parseError, setParseError] = useState<string>();
  return (
    <Textarea
      label={props.label}
      description="Edited as JSON (the schema allows several shapes here)"
      value={text}
      autosize
      minRows={2}
      ff="monospace"
      readOnly={props.readOnly}
      error={parseError ?? props.error}
      onChange={(e) => {
        const t = e.currentTarget.value;
        setText(t);
        if (t.trim() === '') {
          setParseError(undefined);
          props.onChange(undefined);
          return;
        }
        try {
          props.onChange(JSON.parse(t));
          setParseError(undefined);
        } catch {
          setParseError('Not valid JSON yet');
        }
      }}
    />
  );
}
