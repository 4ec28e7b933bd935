// Import identities from a JSON file through the batch API (PATCH /admin/identities): chunks of ≤1000,
// ≤200 when plaintext passwords are hashed inline, with a progress bar and a per-item result table.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Progress,
  ScrollArea,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconFileImport } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { ConnectionProfile } from '../../../../shared/console-api';
import { kratosKeys } from '../../../api/keys';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { describeError } from '../../../lib/api';
import { openTextFile, saveTextFile } from '../../../lib/desktop';
import { plural } from '../../../lib/format';
import { paths } from '../../../lib/routes';
import { batchCreateIdentities, chunkForBatch, hasPlaintextPassword } from '../api/batch-create-identities';
import { parseImport, type ImportItem } from './parse-import';

interface ItemResult {
  item: ImportItem;
  identityId?: string;
  error?: string;
}

export function ImportModal(props: {
  opened: boolean;
  onClose(): void;
  connection: ConnectionProfile;
}): ReactNode {
  const cid = props.connection.id;
  const qc = useQueryClient();
  const [file, setFile] = useState<{ name: string; items: ImportItem[]; problems: string[] }>();
  const [parseError, setParseError] = useState<string>();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [results, setResults] = useState<ItemResult[]>();
  const [fatal, setFatal] = useState<unknown>();
  const [show, setShow] = useState<'all' | 'errors'>('all');

  const reset = (): void => {
    setFile(undefined);
    setParseError(undefined);
    setProgress(undefined);
    setResults(undefined);
    setFatal(undefined);
  };
  const close = (): void => {
    if (progress && !results) return; // running: keep the dialog until it ends
    reset();
    props.onClose();
  };

  const choose = async (): Promise<void> => {
    reset();
    try {
      const opened = await openTextFile({
        title: 'Import identities',
        filters: [{ name: 'JSON', extensions: ['json'] }],
      });
      if (!opened) return;
      const parsed = parseImport(opened.contents);
      if (!parsed.ok) setParseError(parsed.error);
      else setFile({ name: opened.name, items: parsed.items, problems: parsed.problems });
    } catch (err) {
      setParseError((err as Error).message);
    }
  };

  const run = async (): Promise<void> => {
    if (!file) return;
    const out: ItemResult[] = [];
    setProgress({ done: 0, total: file.items.length });
    try {
      for (const chunk of chunkForBatch(file.items)) {
        const tagged = chunk.map((item) => ({ item, patchId: crypto.randomUUID() }));
        const res = await batchCreateIdentities(
          cid,
          tagged.map((t) => ({ create: t.item.create, patch_id: t.patchId })),
        );
        const byPatch = new Map(res.identities.map((r) => [r.patch_id, r]));
        for (const t of tagged) {
          const r = byPatch.get(t.patchId);
          if (r?.action === 'create' && r.identity) out.push({ item: t.item, identityId: r.identity });
          else {
            const e = (r?.error ?? {}) as { reason?: string; message?: string };
            out.push({ item: t.item, error: e.reason ?? e.message ?? 'No result for this item' });
          }
        }
        setProgress((p) => ({ done: (p?.done ?? 0) + chunk.length, total: file.items.length }));
      }
    } catch (err) {
      setFatal(err);
    }
    setResults(out);
    await qc.invalidateQueries({ queryKey: kratosKeys.identities(cid) });
  };

  const created = results?.filter((r) => r.identityId).length ?? 0;
  const failed = (results?.length ?? 0) - created;
  const plaintext = file?.items.filter((i) => hasPlaintextPassword(i.create)).length ?? 0;
  const visible = (results ?? []).filter((r) => show === 'all' || r.error);

  return (
    <Modal opened={props.opened} onClose={close} title="Import identities" size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          A JSON array in Kratos's create-identity format (what Export writes), imported with the batch API.
          Passwords may be plaintext (<code>password</code>) or hashed (<code>hashed_password</code>).
        </Text>
        {!progress && (
          <Group>
            <Button
              leftSection={<IconFileImport size={16} />}
              variant="default"
              onClick={() => void choose()}
            >
              {file ? 'Choose another file' : 'Choose file…'}
            </Button>
            {file && (
              <Text size="sm">
                <b>{file.name}</b>: {plural(file.items.length, 'identity', 'identities')}
                {plaintext > 0 && ` (${plaintext} with plaintext passwords)`}
              </Text>
            )}
          </Group>
        )}
        {parseError && (
          <Alert color="red" title="Cannot import this file">
            {parseError}
          </Alert>
        )}
        {file?.problems.length ? (
          <Alert color="yellow" title={`${file.problems.length} items skipped`}>
            {file.problems.slice(0, 5).join(' ')}
          </Alert>
        ) : null}
        {progress && (
          <Stack gap={4}>
            <Progress
              value={(progress.done / Math.max(progress.total, 1)) * 100}
              animated={!results}
              aria-label="Import progress"
            />
            <Text size="sm" c="dimmed">
              {progress.done.toLocaleString()} of {progress.total.toLocaleString()} sent
            </Text>
          </Stack>
        )}
        {fatal ? (
          <ErrorAlert error={fatal} title={`The import stopped: ${describeError(fatal).title}`} />
        ) : null}
        {results && (
          <Stack gap="xs">
            <Group justify="space-between">
              <Group gap="xs">
                <Badge color="teal" variant="light">
                  {created} created
                </Badge>
                <Badge color={failed ? 'red' : 'gray'} variant="light">
                  {failed} failed
                </Badge>
              </Group>
              <SegmentedControl
                size="xs"
                value={show}
                onChange={(v) => setShow(v === 'errors' ? 'errors' : 'all')}
                data={[
                  { value: 'all', label: 'All' },
                  { value: 'errors', label: 'Errors only' },
                ]}
              />
            </Group>
            <ScrollArea h={300}>
              <Table aria-label="Import results" stickyHeader>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>#</Table.Th>
                    <Table.Th>Identity</Table.Th>
                    <Table.Th>Result</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {visible.slice(0, 2000).map((r) => (
                    <Table.Tr key={r.item.index}>
                      <Table.Td>{r.item.index + 1}</Table.Td>
                      <Table.Td>{r.item.label}</Table.Td>
                      <Table.Td>
                        {r.identityId ? (
                          <Anchor
                            component={Link}
                            to={paths.identity(cid, r.identityId)}
                            onClick={close}
                            size="sm"
                          >
                            created
                          </Anchor>
                        ) : (
                          <Text size="sm" c="red">
                            {r.error}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </Stack>
        )}
        <Group justify="flex-end">
          {results && (
            <Button
              variant="default"
              onClick={() =>
                void saveTextFile({
                  title: 'Save import report',
                  defaultName: 'import-report.json',
                  filters: [{ name: 'JSON', extensions: ['json'] }],
                  contents: JSON.stringify(
                    results.map((r) => ({
                      index: r.item.index,
                      label: r.item.label,
                      identity_id: r.identityId ?? null,
                      error: r.error ?? null,
                    })),
                    null,
                    2,
                  ),
                })
              }
            >
              Save report
            </Button>
          )}
          {!results && (
            <Button
              onClick={() => void run()}
              disabled={!file || file.items.length === 0 || !!progress}
              loading={!!progress && !results}
            >
              Import {file ? plural(file.items.length, 'identity', 'identities') : ''}
            </Button>
          )}
          {results && <Button onClick={close}>Done</Button>}
        </Group>
      </Stack>
    </Modal>
  );
}
