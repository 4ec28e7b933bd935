// The app shell: header (connection switcher, production lock, palette, theme), navigation, and the current
// connection's colour as a stripe so production is never mistaken for local.
import {
  AppShell,
  Burger,
  Button,
  Center,
  Group,
  Kbd,
  Loader,
  NavLink,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import {
  IconDatabase,
  IconFileCode,
  IconPlugConnected,
  IconSearch,
  IconServer,
  IconUsers,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import type { ConnectionProfile } from '../../shared/console-api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useConnections } from '../features/connections/api/list-connections';
import { ConnectionSwitcher } from '../features/connections/components/ConnectionSwitcher';
import { ProductionLock } from '../features/connections/components/ProductionLock';
import { ConnectionProvider } from '../lib/connection';
import { paths } from '../lib/routes';
import { ColorSchemeMenu } from './ColorSchemeMenu';
import { CommandPalette } from './CommandPalette';
import { ShortcutsHelp } from './ShortcutsHelp';

function Nav({ current }: { current: ConnectionProfile | undefined }): ReactNode {
  const { pathname } = useLocation();
  const cid = current?.id;
  const item = (to: string, label: string, icon: ReactNode, hint?: string): ReactNode => (
    <NavLink
      component={Link}
      to={to}
      label={label}
      leftSection={icon}
      active={pathname.startsWith(to)}
      rightSection={
        hint ? (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        ) : null
      }
    />
  );
  return (
    <Stack gap={2}>
      {cid && item(paths.identities(cid), 'Identities', <IconUsers size={18} />, 'alt+1')}
      {cid && item(paths.sessions(cid), 'Sessions', <IconDatabase size={18} />, 'alt+2')}
      {cid && item(paths.schemas(cid), 'Identity schemas', <IconFileCode size={18} />, 'alt+3')}
      {cid &&
        current?.capabilities.embeddedFeatures &&
        item(paths.overview(cid), 'Embedded server', <IconServer size={18} />)}
      {item(paths.connections, 'Connections', <IconPlugConnected size={18} />, 'alt+4')}
    </Stack>
  );
}

export function Shell(): ReactNode {
  const [opened, { toggle }] = useDisclosure();
  const { connectionId } = useParams();
  const connections = useConnections();
  const navigate = useNavigate();
  const list = connections.data ?? [];
  const current = connectionId ? list.find((c) => c.id === connectionId) : undefined;
  const cid = current?.id ?? list[0]?.id;
  useHotkeys([
    ['alt+1', () => cid && void navigate(paths.identities(cid))],
    ['alt+2', () => cid && void navigate(paths.sessions(cid))],
    ['alt+3', () => cid && void navigate(paths.schemas(cid))],
    ['alt+4', () => void navigate(paths.connections)],
  ]);
  const stripe = current ? `var(--mantine-color-${current.color}-6)` : 'transparent';

  let body: ReactNode = <Outlet />;
  if (connectionId) {
    if (connections.error) body = <ErrorAlert error={connections.error} title="Could not load connections" />;
    else if (connections.isLoading)
      body = (
        <Center py="xl">
          <Loader />
        </Center>
      );
    else if (!current) {
      body = (
        <Stack align="flex-start">
          <Title order={3}>Unknown connection</Title>
          <Text c="dimmed">There is no connection "{connectionId}". It may have been removed.</Text>
          <Button component={Link} to={paths.connections}>
            Connections
          </Button>
        </Stack>
      );
    } else
      body = (
        <ConnectionProvider connection={current}>
          <Outlet />
        </ConnectionProvider>
      );
  }

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header style={{ borderTop: `3px solid ${stripe}` }}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Navigation" />
            <Text
              fw={800}
              size="lg"
              component={Link}
              to="/"
              style={{ textDecoration: 'none', color: 'inherit' }}
            >
              Gatehouse
            </Text>
            <ConnectionSwitcher connections={list} current={current} />
            {current && <ProductionLock connection={current} />}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Button
              variant="default"
              leftSection={<IconSearch size={16} />}
              rightSection={
                <Kbd size="xs">{/Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘K' : 'Ctrl K'}</Kbd>
              }
              onClick={() => spotlight.open()}
              visibleFrom="md"
              aria-label="Command palette"
            >
              Search
            </Button>
            <ColorSchemeMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Nav current={current ?? list.find((c) => c.id === cid)} />
      </AppShell.Navbar>
      <AppShell.Main>{body}</AppShell.Main>
      <CommandPalette connections={list} current={current} />
      <ShortcutsHelp />
    </AppShell>
  );
}
