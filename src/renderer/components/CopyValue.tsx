// A value with a copy button (ids, recovery links and codes).
import { ActionIcon, CopyButton, Group, Text, Tooltip, type TextProps } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export function CopyIcon({ value, label = 'Copy' }: { value: string; label?: string }): ReactNode {
  return (
    <CopyButton value={value} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : label}>
          <ActionIcon
            variant="subtle"
            color={copied ? 'teal' : 'gray'}
            size="sm"
            onClick={(e) => {
              e.stopPropagation();
              copy();
            }}
            aria-label={label}
          >
            {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

export function CopyValue({
  value,
  display,
  mono = true,
  ...text
}: { value: string; display?: string; mono?: boolean } & TextProps): ReactNode {
  return (
    <Group gap={4} wrap="nowrap">
      <Text ff={mono ? 'monospace' : undefined} size="sm" {...text} style={{ wordBreak: 'break-all' }}>
        {display ?? value}
      </Text>
      <CopyIcon value={value} label="Copy to clipboard" />
    </Group>
  );
}
