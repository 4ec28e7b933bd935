// The command palette (mod+K): jump to any screen or connection, open an identity or session by id, or find
// an identity by its exact identifier (looked up live on the current connection).
import { Spotlight, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconSearch } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { ConnectionProfile } from '../../shared/console-api';
import type { Identity } from '../../shared/kratos';
import { apiJson } from '../lib/api';
import { kratosPath } from '../lib/connection';
import { displayName, UUID_PATTERN } from '../lib/identity';
import { paths } from '../lib/routes';

export function CommandPalette(props: {
  connections: ConnectionProfile[];
  current: ConnectionProfile | undefined;
}): ReactNode {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const cid = props.current?.id;
  const go = (to: string) => () => void navigate(to);

  const lookup = useQuery({
    queryKey: ['palette-lookup', cid, debounced],
    enabled: Boolean(cid && debounced.length >= 3 && !UUID_PATTERN.test(debounced)),
    queryFn: () =>
      apiJson<Identity[]>(
        kratosPath(
          cid as string,
          `/admin/identities?page_size=5&credentials_identifier=${encodeURIComponent(debounced)}`,
        ),
      ),
    staleTime: 5_000,
  });

  const dynamic: SpotlightActionData[] = [];
  if (cid && UUID_PATTERN.test(debounced)) {
    dynamic.push(
      {
        id: 'open-identity',
        label: `Open identity ${debounced}`,
        group: 'Jump to',
        onClick: go(paths.identity(cid, debounced)),
      },
      {
        id: 'open-session',
        label: `Open session ${debounced}`,
        group: 'Jump to',
        onClick: go(paths.session(cid, debounced)),
      },
    );
  }
  for (const i of lookup.data ?? []) {
    dynamic.push({
      id: `identity-${i.id}`,
      label: displayName(i),
      description: `Identity ${i.id}`,
      group: 'Jump to',
      onClick: go(paths.identity(cid as string, i.id)),
    });
  }
  if (cid && debounced && !UUID_PATTERN.test(debounced)) {
    dynamic.push({
      id: 'search-similar',
      label: `Search identities similar to “${debounced}”`,
      group: 'Jump to',
      leftSection: <IconSearch size={16} />,
      onClick: go(`${paths.identities(cid)}?q=${encodeURIComponent(debounced)}&match=similar`),
    });
  }

  const screens: SpotlightActionData[] = cid
    ? [
        { id: 'identities', label: 'Identities', description: 'alt+1', onClick: go(paths.identities(cid)) },
        {
          id: 'new-identity',
          label: 'New identity',
          description: 'n on the identities screen',
          onClick: go(paths.newIdentity(cid)),
        },
        { id: 'sessions', label: 'Sessions', description: 'alt+2', onClick: go(paths.sessions(cid)) },
        { id: 'schemas', label: 'Identity schemas', description: 'alt+3', onClick: go(paths.schemas(cid)) },
        ...(props.current?.capabilities.embeddedFeatures
          ? [{ id: 'overview', label: 'Embedded server overview', onClick: go(paths.overview(cid)) }]
          : []),
      ]
    : [];
  const actions: (SpotlightActionData | SpotlightActionGroupData)[] = [
    ...(dynamic.length ? [{ group: 'Jump to', actions: dynamic }] : []),
    {
      group: 'Screens',
      actions: [
        ...screens,
        { id: 'connections', label: 'Connections', description: 'alt+4', onClick: go(paths.connections) },
      ],
    },
    {
      group: 'Switch connection',
      actions: props.connections.map((c) => ({
        id: `conn-${c.id}`,
        label: c.name,
        description: c.adminUrl,
        onClick: go(paths.identities(c.id)),
      })),
    },
  ];

  return (
    <Spotlight
      actions={actions}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      nothingFound="Nothing found. Paste an identity id, or type an exact identifier."
      highlightQuery
      limit={30}
      scrollable
      maxHeight={420}
      searchProps={{
        leftSection: <IconSearch size={18} />,
        placeholder: 'Go to a screen, identity id or identifier…',
      }}
      filter={(q, all) => {
        const needle = q.trim().toLowerCase();
        return all
          .map((g) =>
            'actions' in g && g.group !== 'Jump to'
              ? {
                  ...g,
                  actions: g.actions.filter(
                    (a) => !needle || `${a.label} ${a.description ?? ''}`.toLowerCase().includes(needle),
                  ),
                }
              : g,
          )
          .filter((g) => !('actions' in g) || g.actions.length > 0);
      }}
    />
  );
}
