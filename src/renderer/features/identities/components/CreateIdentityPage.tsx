// Create an identity from the schema-driven form: pick the schema, fill the traits, optionally set an
// initial password, state and metadata.
import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Center,
  Collapse,
  Group,
  Loader,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CreateIdentityBody } from '../../../../shared/kratos';
import { useSchemas } from '../../../api/list-schemas';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { JsonEditor, parseJsonText } from '../../../components/json-editor/JsonEditor';
import { ApiError } from '../../../lib/api';
import { isWritable, useConnection } from '../../../lib/connection';
import { notifySuccess } from '../../../lib/notify';
import { paths } from '../../../lib/routes';
import { useCreateIdentity } from '../api/create-identity';
import {
  compact,
  traitErrorFromReason,
  traitsSchema,
  validate,
  type JsonSchema,
} from '../traits-form/schema';
import { TraitsForm } from '../traits-form/TraitsForm';

export function CreateIdentityPage(): ReactNode {
  const connection = useConnection();
  const cid = connection.id;
  const navigate = useNavigate();
  const schemas = useSchemas(cid);
  const create = useCreateIdentity(cid);
  const [schemaId, setSchemaId] = useState<string | null>(null);
  const [traits, setTraits] = useState<unknown>({});
  const [password, setPassword] = useState('');
  const [state, setState] = useState<'active' | 'inactive'>('active');
  const [showMetadata, setShowMetadata] = useState(false);
  const [metaPublic, setMetaPublic] = useState('null');
  const [metaAdmin, setMetaAdmin] = useState('null');
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!schemaId && schemas.data?.length)
      setSchemaId(schemas.data.find((s) => s.id === 'default')?.id ?? schemas.data[0]?.id ?? null);
  }, [schemas.data, schemaId]);
  const schema = schemas.data?.find((s) => s.id === schemaId)?.schema as JsonSchema | undefined;

  const submit = (): void => {
    if (!schemaId || !schema) return;
    const value = compact(traits);
    const problems = validate(schema, traitsSchema(schema), value);
    const pub = parseJsonText(metaPublic);
    const adm = parseJsonText(metaAdmin);
    if (!pub.ok) problems['#metadata_public'] = pub.error;
    if (!adm.ok) problems['#metadata_admin'] = adm.error;
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const body: CreateIdentityBody = {
      schema_id: schemaId,
      traits: value,
      state,
      ...(pub.ok && pub.value !== null ? { metadata_public: pub.value } : {}),
      ...(adm.ok && adm.value !== null ? { metadata_admin: adm.value } : {}),
      ...(password ? { credentials: { password: { config: { password } } } } : {}),
    };
    create.mutate(body, {
      onSuccess: (identity) => {
        notifySuccess('Identity created');
        void navigate(paths.identity(cid, identity.id));
      },
      onError: (err) => {
        const field = err instanceof ApiError ? traitErrorFromReason(err.reason) : undefined;
        if (field) setErrors({ [field.pointer]: field.message });
      },
    });
  };

  if (schemas.error) return <ErrorAlert error={schemas.error} title="Could not load the identity schemas" />;
  if (!schemas.data)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );

  return (
    <Stack maw={860}>
      <Breadcrumbs>
        <Anchor component={Link} to={paths.identities(cid)} size="sm">
          Identities
        </Anchor>
        <Text size="sm">New identity</Text>
      </Breadcrumbs>
      <Title order={2}>New identity</Title>
      {!isWritable(connection) && (
        <Alert color="yellow">This production connection is locked: unlock it to create identities.</Alert>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label="Identity schema"
                data={schemas.data.map((s) => ({ value: s.id, label: s.id }))}
                value={schemaId}
                onChange={(v) => {
                  setSchemaId(v);
                  setTraits({});
                  setErrors({});
                }}
                allowDeselect={false}
                required
              />
              <Select
                label="State"
                data={[
                  { value: 'active', label: 'Active' },
                  { value: 'inactive', label: 'Inactive (cannot sign in)' },
                ]}
                value={state}
                onChange={(v) => setState(v === 'inactive' ? 'inactive' : 'active')}
                allowDeselect={false}
              />
            </SimpleGrid>
          </Card>
          <Card withBorder>
            <Stack>
              <Title order={4}>Traits</Title>
              {schema ? (
                <TraitsForm schema={schema} value={traits} onChange={setTraits} errors={errors} />
              ) : (
                <Text c="dimmed">Choose a schema.</Text>
              )}
            </Stack>
          </Card>
          <Card withBorder>
            <Stack gap="xs">
              <Title order={4}>Initial password</Title>
              <PasswordInput
                label="Password (optional)"
                description="Hashed by the server with its configured hasher. Leave empty for an identity that signs in another way (code, OIDC, passkey) or recovers its account."
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                autoComplete="new-password"
              />
            </Stack>
          </Card>
          <Card withBorder>
            <Anchor component="button" type="button" onClick={() => setShowMetadata((s) => !s)} size="sm">
              <Group gap={4}>
                {showMetadata ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                Metadata (optional)
              </Group>
            </Anchor>
            <Collapse expanded={showMetadata}>
              <SimpleGrid cols={{ base: 1, md: 2 }} mt="sm">
                <Stack gap={4}>
                  <Text size="sm" fw={500}>
                    Public metadata
                  </Text>
                  <JsonEditor
                    value={metaPublic}
                    onChange={setMetaPublic}
                    height={160}
                    label="Public metadata"
                  />
                  {errors['#metadata_public'] && (
                    <Text c="red" size="xs">
                      {errors['#metadata_public']}
                    </Text>
                  )}
                </Stack>
                <Stack gap={4}>
                  <Text size="sm" fw={500}>
                    Admin metadata
                  </Text>
                  <JsonEditor value={metaAdmin} onChange={setMetaAdmin} height={160} label="Admin metadata" />
                  {errors['#metadata_admin'] && (
                    <Text c="red" size="xs">
                      {errors['#metadata_admin']}
                    </Text>
                  )}
                </Stack>
              </SimpleGrid>
            </Collapse>
          </Card>
          {create.error && <ErrorAlert error={create.error} title="Kratos refused the identity" />}
          <Group justify="flex-end">
            <Button variant="default" component={Link} to={paths.identities(cid)}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!schema || !isWritable(connection)}>
              Create identity
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
