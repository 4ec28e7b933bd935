// Add or edit a remote Kratos connection: admin URL (and public URL), an optional API key or bearer token
// (write-only: it goes to the backend and never comes back), a colour and the production flag.
import {
  Alert,
  Button,
  Checkbox,
  ColorSwatch,
  Group,
  PasswordInput,
  Stack,
  Switch,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock, IconPlugConnected } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import {
  CONNECTION_COLORS,
  type ConnectionColor,
  type ConnectionInput,
  type ConnectionProfile,
} from '../../../../shared/console-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSaveConnection } from '../api/save-connection';
import { useTestConnection } from '../api/test-connection';
import { ConnectionTestResultView } from './ConnectionTestResult';

interface FormValues {
  name: string;
  adminUrl: string;
  publicUrl: string;
  apiKey: string;
  removeApiKey: boolean;
  color: ConnectionColor;
  production: boolean;
}

export function validateUrl(value: string, required: boolean): string | null {
  if (!value.trim()) return required ? 'Required' : null;
  try {
    const u = new URL(value.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'Use an http:// or https:// URL';
    if (u.username || u.password) return 'Put credentials in the API key field, not in the URL';
    if (u.search || u.hash) return 'No query or fragment: the API path is appended to this URL';
    return null;
  } catch {
    return 'Not a valid URL';
  }
}

export function toConnectionInput(v: FormValues, editing: boolean): ConnectionInput {
  const input: ConnectionInput = {
    name: v.name.trim(),
    adminUrl: v.adminUrl.trim(),
    publicUrl: v.publicUrl.trim() || v.adminUrl.trim(),
    color: v.color,
    production: v.production,
  };
  if (v.removeApiKey) input.apiKey = null;
  else if (v.apiKey.trim()) input.apiKey = v.apiKey.trim();
  else if (!editing) input.apiKey = null;
  return input;
}

export function ConnectionForm(props: {
  initial?: ConnectionProfile | undefined;
  secretStorageNote?: string | undefined;
  onSaved(profile: ConnectionProfile): void;
  onCancel(): void;
}): ReactNode {
  const editing = props.initial !== undefined;
  const save = useSaveConnection();
  const test = useTestConnection();
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: {
      name: props.initial?.name ?? '',
      adminUrl: props.initial?.adminUrl ?? '',
      publicUrl:
        props.initial && props.initial.publicUrl !== props.initial.adminUrl ? props.initial.publicUrl : '',
      apiKey: '',
      removeApiKey: false,
      color: props.initial?.color ?? 'blue',
      production: props.initial?.production ?? false,
    },
    validate: {
      name: (v) => (v.trim() ? (v.trim().length > 80 ? 'At most 80 characters' : null) : 'Required'),
      adminUrl: (v) => validateUrl(v, true),
      publicUrl: (v) => validateUrl(v, false),
      apiKey: (v) => (v && /\s/.test(v.trim()) ? 'An API key has no spaces' : null),
    },
  });

  const runTest = (): void => {
    if (form.validateField('adminUrl').hasError || form.validateField('publicUrl').hasError) return;
    const input = toConnectionInput({ ...form.getValues(), name: form.getValues().name || 'draft' }, editing);
    test.mutate({ draft: { ...input, ...(props.initial ? { id: props.initial.id } : {}) } });
  };

  return (
    <form
      onSubmit={form.onSubmit((v) =>
        save.mutate(
          { ...(props.initial ? { id: props.initial.id } : {}), input: toConnectionInput(v, editing) },
          { onSuccess: props.onSaved },
        ),
      )}
      aria-label="Connection"
      noValidate
    >
      <Stack>
        <TextInput label="Name" placeholder="Production EU" required {...form.getInputProps('name')} />
        <TextInput
          label="Admin API URL"
          description="Self-hosted Kratos: its admin URL (port 4434). Ory Network: https://<project>.projects.oryapis.com"
          placeholder="https://kratos-admin.example.com"
          required
          {...form.getInputProps('adminUrl')}
        />
        <TextInput
          label="Public API URL"
          description="Where identity schemas are served (GET /schemas). Leave empty when it is the same as the admin URL (Ory Network)."
          placeholder="https://auth.example.com"
          {...form.getInputProps('publicUrl')}
        />
        <PasswordInput
          label="API key or bearer token"
          description="Sent as Authorization: Bearer … to the admin API only (Ory Network: an ory_pat_… project API key). Never shown again after saving."
          placeholder={props.initial?.hasApiKey ? '•••••••• stored (leave empty to keep it)' : 'Optional'}
          autoComplete="off"
          disabled={form.getValues().removeApiKey}
          {...form.getInputProps('apiKey')}
        />
        {props.initial?.hasApiKey && (
          <Checkbox
            label="Remove the stored API key"
            {...form.getInputProps('removeApiKey', { type: 'checkbox' })}
          />
        )}
        {props.initial?.apiKeyUnavailable && (
          <Alert color="yellow" variant="light">
            The stored key was saved by the desktop app (OS keychain) and cannot be read here: enter it again.
          </Alert>
        )}
        {props.secretStorageNote && (
          <Text size="xs" c="dimmed">
            <IconLock size={12} /> {props.secretStorageNote}
          </Text>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Colour
          </Text>
          <Group gap={6} role="radiogroup" aria-label="Colour">
            {CONNECTION_COLORS.map((c) => (
              <Tooltip key={c} label={c}>
                <ColorSwatch
                  component="button"
                  type="button"
                  role="radio"
                  aria-checked={form.getValues().color === c}
                  aria-label={c}
                  color={`var(--mantine-color-${c}-6)`}
                  onClick={() => form.setFieldValue('color', c)}
                  style={{
                    outline: form.getValues().color === c ? '2px solid var(--mantine-color-text)' : undefined,
                    outlineOffset: 2,
                    cursor: 'pointer',
                  }}
                />
              </Tooltip>
            ))}
          </Group>
        </Stack>
        <Switch
          label="Production"
          description="Read-only until unlocked for a while; deletions ask you to type the identity's identifier."
          {...form.getInputProps('production', { type: 'checkbox' })}
        />
        {test.data && <ConnectionTestResultView result={test.data} />}
        {test.error && <ErrorAlert error={test.error} title="The test failed" />}
        {save.error && <ErrorAlert error={save.error} title="Could not save the connection" />}
        <Group justify="space-between">
          <Button
            variant="default"
            leftSection={<IconPlugConnected size={16} />}
            onClick={runTest}
            loading={test.isPending}
          >
            Test connection
          </Button>
          <Group gap="xs">
            <Button variant="subtle" onClick={props.onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {editing ? 'Save' : 'Add connection'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
