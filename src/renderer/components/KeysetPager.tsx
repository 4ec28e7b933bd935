// First / previous / next for keyset-paged Kratos lists, with a page-size picker.
import { ActionIcon, Group, Select, Text, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconChevronsLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { KeysetPaging } from '../lib/keyset-paging';

export const PAGE_SIZES = ['25', '50', '100', '250', '500'];

export function KeysetPager(props: {
  paging: KeysetPaging;
  nextToken: string | undefined;
  pageSize: number;
  onPageSize(size: number): void;
  shown: number;
  loading?: boolean;
}): ReactNode {
  const { paging, nextToken } = props;
  return (
    <Group justify="space-between" mt="sm">
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          Page {paging.pageNumber} · {props.shown.toLocaleString()} shown
        </Text>
        <Select
          aria-label="Page size"
          size="xs"
          w={90}
          data={PAGE_SIZES}
          value={String(props.pageSize)}
          onChange={(v) => v && props.onPageSize(Number(v))}
          allowDeselect={false}
        />
        <Text size="sm" c="dimmed">
          per page
        </Text>
      </Group>
      <Group gap={4}>
        <Tooltip label="First page">
          <ActionIcon
            variant="default"
            onClick={paging.first}
            disabled={!paging.hasPrevious}
            aria-label="First page"
          >
            <IconChevronsLeft size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Previous page">
          <ActionIcon
            variant="default"
            onClick={paging.previous}
            disabled={!paging.hasPrevious}
            aria-label="Previous page"
          >
            <IconChevronLeft size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Next page">
          <ActionIcon
            variant="default"
            onClick={() => nextToken && paging.next(nextToken)}
            disabled={!nextToken || props.loading}
            aria-label="Next page"
          >
            <IconChevronRight size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}
