// Light, dark or follow the system (remembered by Mantine in localStorage); mod+J cycles.
import { ActionIcon, Menu, Tooltip, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';
import type { ReactNode } from 'react';

const ORDER: MantineColorScheme[] = ['light', 'dark', 'auto'];

export function ColorSchemeMenu(): ReactNode {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  useHotkeys([
    ['mod+J', () => setColorScheme(ORDER[(ORDER.indexOf(colorScheme) + 1) % ORDER.length] ?? 'auto')],
  ]);
  const icon =
    colorScheme === 'dark' ? (
      <IconMoon size={18} />
    ) : colorScheme === 'light' ? (
      <IconSun size={18} />
    ) : (
      <IconDeviceDesktop size={18} />
    );
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Tooltip label="Theme (mod+J)">
          <ActionIcon variant="default" size="lg" aria-label="Theme">
            {icon}
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconSun size={14} />} onClick={() => setColorScheme('light')}>
          Light
        </Menu.Item>
        <Menu.Item leftSection={<IconMoon size={14} />} onClick={() => setColorScheme('dark')}>
          Dark
        </Menu.Item>
        <Menu.Item leftSection={<IconDeviceDesktop size={14} />} onClick={() => setColorScheme('auto')}>
          System
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
