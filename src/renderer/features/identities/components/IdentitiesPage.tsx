// The identities list: keyset paging through any number of identities, identifier search, schema/state
// filters (server-side on the embedded server, on the page for a remote Kratos), bulk actions, import/export.
import { Alert, Button, Center, Group, Loader, Menu, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import {
  IconChevronDown,
  IconDownload,
  IconInfoCircle,
  IconPlus,
  IconRefresh,
  IconUpload,
} from '@tabler/icons-react';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { consolePaths } from '../../../../shared/console-api';
import { useSchemas } from '../../../api/list-schemas';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { KeysetPager } from '../../../components/KeysetPager';
import { PageHeader } from '../../../components/PageHeader';
import { isWritable, useConnection } from '../../../lib/connection';
import { downloadUrl } from '../../../lib/desktop';
import { useKeysetPaging } from '../../../lib/keyset-paging';
import { paths } from '../../../lib/routes';
import { useIdentities } from '../api/list-identities';
import { ImportModal } from '../import/ImportModal';
import { BulkActions } from './BulkActions';
import { IdentitiesTable } from './IdentitiesTable';
import { IdentityFilters, type IdentityFilterValues } from './IdentityFilters';

export function IdentitiesPage(): ReactNode {
  const connection = useConnection();
  const cid = connection.id;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const searchRef = useRef<HTMLInputElement>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [importing, setImporting] = useState(false);

  const filters: IdentityFilterValues = {
    search: params.get('q') ?? '',
    match: params.get('match') === 'similar' ? 'similar' : 'exact',
    schemaId: params.get('schema') ?? undefined,
    state:
      params.get('state') === 'active' || params.get('state') === 'inactive'
        ? (params.get('state') as 'active')
        : undefined,
  };
  const pageSize = Number(params.get('size') ?? '50') || 50;
  const paging = useKeysetPaging(JSON.stringify([cid, filters, pageSize]));
  const query = useIdentities(cid, {
    pageSize,
    pageToken: paging.token,
    search: filters.search,
    match: filters.match,
    schemaId: filters.schemaId,
    state: filters.state,
    serverSideFilters: connection.capabilities.serverSideFilters,
  });
  const schemas = useSchemas(cid);
  const writable = isWritable(connection);

  const setFilters = (next: IdentityFilterValues, size = pageSize): void => {
    const p = new URLSearchParams();
    if (next.search) p.set('q', next.search);
    if (next.match === 'similar') p.set('match', 'similar');
    if (next.schemaId) p.set('schema', next.schemaId);
    if (next.state) p.set('state', next.state);
    if (size !== 50) p.set('size', String(size));
    setParams(p, { replace: true });
    setSelected(new Set());
  };

  useHotkeys([
    ['/', () => searchRef.current?.focus()],
    ['n', () => writable && void navigate(paths.newIdentity(cid))],
    ['r', () => void query.refetch()],
  ]);

  const identities = useMemo(() => query.data?.identities ?? [], [query.data]);
  const selectedIdentities = identities.filter((i) => selected.has(i.id));

  return (
    <Stack gap="sm">
      <PageHeader
        title="Identities"
        description={`${connection.name} · ${connection.adminUrl}`}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} />}
              onClick={() => void query.refetch()}
              loading={query.isFetching && !query.isLoading}
            >
              Refresh
            </Button>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button
                  variant="default"
                  leftSection={<IconDownload size={16} />}
                  rightSection={<IconChevronDown size={14} />}
                >
                  Export
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>Kratos create-identity format</Menu.Label>
                <Menu.Item onClick={() => downloadUrl(consolePaths.exportIdentities(cid))}>
                  All identities (JSON)
                </Menu.Item>
                {connection.kind === 'embedded' && (
                  <Menu.Item
                    onClick={() => downloadUrl(`${consolePaths.exportIdentities(cid)}?password_hashes=true`)}
                  >
                    All identities with password hashes
                  </Menu.Item>
                )}
              </Menu.Dropdown>
            </Menu>
            <Button
              variant="default"
              leftSection={<IconUpload size={16} />}
              onClick={() => setImporting(true)}
              disabled={!writable}
            >
              Import
            </Button>
            <Button
              component={Link}
              to={paths.newIdentity(cid)}
              leftSection={<IconPlus size={16} />}
              disabled={!writable}
            >
              New identity
            </Button>
          </>
        }
      />
      <IdentityFilters
        values={filters}
        schemaIds={(schemas.data ?? []).map((s) => s.id)}
        onChange={(f) => setFilters(f)}
        searchRef={searchRef}
      />
      {query.data?.filteredOnClient && (
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={16} />} py="xs">
          Kratos's admin API cannot filter by schema or state, so this page of {query.data.unfilteredCount}{' '}
          identities is filtered in the console: {identities.length} match. Page on to see more.
        </Alert>
      )}
      {selectedIdentities.length > 0 && (
        <BulkActions
          connection={connection}
          selected={selectedIdentities}
          onDone={() => setSelected(new Set())}
        />
      )}
      {query.error ? (
        <ErrorAlert error={query.error} title="Could not list identities" />
      ) : query.isLoading ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : identities.length === 0 ? (
        <Center py="xl">
          <Stack align="center" gap={4}>
            <Text fw={500}>
              {filters.search || filters.schemaId || filters.state
                ? 'No identity matches'
                : 'No identities yet'}
            </Text>
            <Text size="sm" c="dimmed">
              {filters.search
                ? filters.match === 'exact'
                  ? 'Exact search compares the whole identifier; try "Similar".'
                  : 'Nothing similar on this server.'
                : 'Create one, or import a JSON file in the Kratos create-identity format.'}
            </Text>
          </Stack>
        </Center>
      ) : (
        <IdentitiesTable
          connectionId={cid}
          identities={identities}
          selected={selected}
          onSelect={setSelected}
        />
      )}
      <KeysetPager
        paging={paging}
        nextToken={query.data?.nextToken}
        pageSize={pageSize}
        onPageSize={(size) => setFilters(filters, size)}
        shown={identities.length}
        loading={query.isFetching}
      />
      <Group>
        <Text size="xs" c="dimmed">
          Shortcuts: <kbd>/</kbd> search · <kbd>n</kbd> new identity · <kbd>r</kbd> refresh · <kbd>mod+K</kbd>{' '}
          command palette
        </Text>
      </Group>
      <ImportModal opened={importing} onClose={() => setImporting(false)} connection={connection} />
    </Stack>
  );
}
