// "?" shows the keyboard shortcuts.
import { Kbd, Modal, Table } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import type { ReactNode } from 'react';

const SHORTCUTS: [string, string][] = [
  ['mod + K', 'Command palette: screens, connections, identity by id or identifier'],
  ['alt + 1 / 2 / 3 / 4', 'Identities / Sessions / Schemas / Connections'],
  ['/', 'Search identities'],
  ['n', 'New identity'],
  ['r', 'Refresh the list'],
  ['mod + J', 'Cycle light / dark / system theme'],
  ['?', 'This help'],
];

export function ShortcutsHelp(): ReactNode {
  const [opened, { open, close }] = useDisclosure(false);
  useHotkeys([['shift+?', open]]);
  return (
    <Modal opened={opened} onClose={close} title="Keyboard shortcuts" size="lg">
      <Table>
        <Table.Tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <Table.Tr key={keys}>
              <Table.Td>
                <Kbd>{keys}</Kbd>
              </Table.Td>
              <Table.Td>{what}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
