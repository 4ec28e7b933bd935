// The traits of an identity as a form generated from its identity schema: nested objects as fieldsets,
// arrays with add/remove, enums as selects, booleans as switches, formats as typed inputs, titles as labels.
import { Alert, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { SchemaField, type FieldContext } from './SchemaField';
import { kindOf, traitsSchema, type JsonSchema } from './schema';

export interface TraitsFormProps {
  /** The whole identity schema (as served by GET /schemas/{id}). */
  schema: JsonSchema;
  value: unknown;
  onChange(value: unknown): void;
  /** Problems keyed by JSON pointer into traits, e.g. "/email". */
  errors?: Record<string, string>;
  readOnly?: boolean;
}

export function TraitsForm({
  schema,
  value,
  onChange,
  errors = {},
  readOnly = false,
}: TraitsFormProps): ReactNode {
  const traits = traitsSchema(schema);
  if (kindOf(traits) !== 'object' || !traits.properties) {
    return (
      <Alert color="yellow" variant="light" title="No traits form for this schema">
        The schema has no <code>properties.traits</code> object with properties; edit the traits as JSON
        instead.
      </Alert>
    );
  }
  const ctx: FieldContext = { root: schema, errors, readOnly, value, onChange };
  return (
    <Stack gap="sm" data-testid="traits-form">
      {Object.entries(traits.properties).map(([key, node]) => (
        <SchemaField
          key={key}
          ctx={ctx}
          name={key}
          node={node}
          path={[key]}
          required={(traits.required ?? []).includes(key)}
        />
      ))}
    </Stack>
  );
}
