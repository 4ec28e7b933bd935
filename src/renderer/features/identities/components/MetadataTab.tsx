// metadata_public (visible to the user in whoami) and metadata_admin (admin API only), as JSON.
import { Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import type { Identity, JsonPatchOperation } from '../../../../shared/kratos';
import { JsonEditor, parseJsonText, toJsonText } from '../../../components/json-editor/JsonEditor';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { usePatchIdentity } from '../api/patch-identity';

export function MetadataTab(props: {
  connectionId: string;
  identity: Identity;
  writable: boolean;
}): ReactNode {
  const { identity } = props;
  const [pub, setPub] = useState(() => toJsonText(identity.metadata_public));
  const [adm, setAdm] = useState(() => toJsonText(identity.metadata_admin));
  const [error, setError] = useState<string>();
  const patch = usePatchIdentity(props.connectionId);
  useEffect(() => {
    setPub(toJsonText(identity.metadata_public));
    setAdm(toJsonText(identity.metadata_admin));
  }, [identity.metadata_public, identity.metadata_admin]);

  const save = (): void => {
    const p = parseJsonText(pub);
    const a = parseJsonText(adm);
    if (!p.ok || !a.ok) {
      setError(
        `Not valid JSON: ${!p.ok ? `public metadata: ${p.error}` : ''} ${!a.ok ? `admin metadata: ${a.error}` : ''}`,
      );
      return;
    }
    setError(undefined);
    const ops: JsonPatchOperation[] = [
      { op: 'add', path: '/metadata_public', value: p.value },
      { op: 'add', path: '/metadata_admin', value: a.value },
    ];
    patch.mutate(
      { id: identity.id, operations: ops },
      {
        onSuccess: () => notifySuccess('Metadata saved'),
        onError: (e) => notifyError(e, 'Saving metadata failed'),
      },
    );
  };

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Stack gap={4}>
          <Title order={5}>Public metadata</Title>
          <Text size="xs" c="dimmed">
            Readable by the user (whoami, settings); only admins can change it.
          </Text>
          <JsonEditor
            value={pub}
            onChange={setPub}
            readOnly={!props.writable}
            height={300}
            label="Public metadata"
          />
        </Stack>
        <Stack gap={4}>
          <Title order={5}>Admin metadata</Title>
          <Text size="xs" c="dimmed">
            Only visible through the admin API.
          </Text>
          <JsonEditor
            value={adm}
            onChange={setAdm}
            readOnly={!props.writable}
            height={300}
            label="Admin metadata"
          />
        </Stack>
      </SimpleGrid>
      {error && (
        <Text c="red" size="sm">
          {error}
        </Text>
      )}
      <Group justify="flex-end">
        <Button
          leftSection={<IconDeviceFloppy size={16} />}
          onClick={save}
          loading={patch.isPending}
          disabled={!props.writable}
        >
          Save metadata
        </Button>
      </Group>
    </Stack>
  );
}
