// Edit traits as the schema-driven form or as JSON (Monaco validates against the schema's traits), saved
// with one JSON Patch `replace /traits`. Kratos's validation errors land on the field they name.
import { Alert, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Identity } from '../../../../shared/kratos';
import { JsonEditor, parseJsonText, toJsonText } from '../../../components/json-editor/JsonEditor';
import { ApiError } from '../../../lib/api';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { usePatchIdentity } from '../api/patch-identity';
import {
  compact,
  traitErrorFromReason,
  traitsSchema,
  validate,
  type JsonSchema,
} from '../traits-form/schema';
import { TraitsForm } from '../traits-form/TraitsForm';

export function TraitsTab(props: {
  connectionId: string;
  identity: Identity;
  schema: JsonSchema | undefined;
  writable: boolean;
}): ReactNode {
  const { identity, schema } = props;
  // The schema may arrive after the identity: the form is the default as soon as there is one, unless the
  // user picked an editor.
  const [chosenMode, setMode] = useState<'form' | 'json' | undefined>(undefined);
  const mode = chosenMode ?? (schema ? 'form' : 'json');
  const [traits, setTraits] = useState<unknown>(identity.traits);
  const [text, setText] = useState(() => toJsonText(identity.traits));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const patch = usePatchIdentity(props.connectionId);
  const traitsJsonSchema = useMemo(
    () => (schema ? (traitsSchema(schema) as Record<string, unknown>) : undefined),
    [schema],
  );

  useEffect(() => {
    setTraits(identity.traits);
    setText(toJsonText(identity.traits));
    setErrors({});
  }, [identity.traits]);

  const current = (): { ok: true; value: unknown } | { ok: false; error: string } =>
    mode === 'json' ? parseJsonText(text) : { ok: true, value: compact(traits) };
  const dirty =
    JSON.stringify(current().ok ? (current() as { value: unknown }).value : text) !==
    JSON.stringify(identity.traits);

  const save = (): void => {
    const c = current();
    if (!c.ok) {
      setErrors({ '': `The JSON is not valid: ${c.error}` });
      return;
    }
    if (schema) {
      const problems = validate(schema, traitsSchema(schema), c.value);
      setErrors(problems);
      if (Object.keys(problems).length) return;
    }
    patch.mutate(
      { id: identity.id, operations: [{ op: 'replace', path: '/traits', value: c.value }] },
      {
        onSuccess: () => notifySuccess('Traits saved'),
        onError: (err) => {
          const field = err instanceof ApiError ? traitErrorFromReason(err.reason) : undefined;
          if (field) setErrors({ [field.pointer]: field.message });
          notifyError(err, 'Saving traits failed');
        },
      },
    );
  };

  return (
    <Stack>
      <Group justify="space-between">
        <SegmentedControl
          value={mode}
          onChange={(m) => {
            // Carry edits across the switch.
            if (m === 'json') setText(toJsonText(compact(traits)));
            else {
              const parsed = parseJsonText(text);
              if (parsed.ok) setTraits(parsed.value);
            }
            setMode(m === 'json' ? 'json' : 'form');
          }}
          data={[
            { value: 'form', label: 'Form', disabled: !schema },
            { value: 'json', label: 'JSON' },
          ]}
          aria-label="Traits editor"
        />
        <Group gap="xs">
          {dirty && (
            <Text size="sm" c="dimmed">
              Unsaved changes
            </Text>
          )}
          <Button
            leftSection={<IconDeviceFloppy size={16} />}
            onClick={save}
            loading={patch.isPending}
            disabled={!props.writable || !dirty}
          >
            Save traits
          </Button>
        </Group>
      </Group>
      {!schema && (
        <Alert color="yellow" variant="light">
          Schema <code>{identity.schema_id}</code> is not served by this connection's public API, so traits
          are edited as JSON.
        </Alert>
      )}
      {errors[''] && <Alert color="red">{errors['']}</Alert>}
      {mode === 'form' && schema ? (
        <TraitsForm
          schema={schema}
          value={traits}
          onChange={setTraits}
          errors={errors}
          readOnly={!props.writable}
        />
      ) : (
        <JsonEditor
          value={text}
          onChange={setText}
          schema={traitsJsonSchema}
          readOnly={!props.writable}
          label="Traits JSON"
        />
      )}
    </Stack>
  );
}
