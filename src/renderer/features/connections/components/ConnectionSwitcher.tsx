// The header's connection picker: colour dot, name, production badge. Switching keeps the current screen.
import { Badge, ColorSwatch, Combobox, Group, InputBase, Text, useCombobox } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { ConnectionProfile } from '../../../../shared/console-api';
import { paths } from '../../../lib/routes';

function Option({ c }: { c: ConnectionProfile }): ReactNode {
  return (
    <Group gap="xs" wrap="nowrap">
      <ColorSwatch color={`var(--mantine-color-${c.color}-6)`} size={12} />
      <Text size="sm" truncate>
        {c.name}
      </Text>
      {c.production && (
        <Badge size="xs" color="red">
          prod
        </Badge>
      )}
    </Group>
  );
}

export function ConnectionSwitcher(props: {
  connections: ConnectionProfile[];
  current: ConnectionProfile | undefined;
}): ReactNode {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const navigate = useNavigate();
  const location = useLocation();
  const pick = (id: string): void => {
    combobox.closeDropdown();
    if (id === '__manage') return void navigate(paths.connections);
    // Keep the section (identities, sessions, …) but not ids that belong to the old connection.
    const section = location.pathname.match(/^\/c\/[^/]+\/([^/]+)/)?.[1] ?? 'identities';
    void navigate(`/c/${encodeURIComponent(id)}/${section === 'overview' ? 'identities' : section}`);
  };
  return (
    <Combobox store={combobox} onOptionSubmit={pick} width={280}>
      <Combobox.Target>
        <InputBase
          component="button"
          type="button"
          pointer
          w={240}
          aria-label="Connection"
          rightSection={<Combobox.Chevron />}
          rightSectionPointerEvents="none"
          onClick={() => combobox.toggleDropdown()}
        >
          {props.current ? (
            <Option c={props.current} />
          ) : (
            <Text size="sm" c="dimmed">
              Choose a connection
            </Text>
          )}
        </InputBase>
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options>
          {props.connections.map((c) => (
            <Combobox.Option value={c.id} key={c.id} active={c.id === props.current?.id}>
              <Option c={c} />
            </Combobox.Option>
          ))}
          <Combobox.Option value="__manage">
            <Text size="sm" c="dimmed">
              Manage connections…
            </Text>
          </Combobox.Option>
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
