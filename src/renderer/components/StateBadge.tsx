import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

export function StateBadge({ state }: { state: string | undefined }): ReactNode {
  const active = (state ?? 'active') === 'active';
  return (
    <Badge variant="light" color={active ? 'teal' : 'gray'} size="sm">
      {active ? 'active' : 'inactive'}
    </Badge>
  );
}

export function ActiveBadge({ active }: { active: boolean | undefined }): ReactNode {
  return (
    <Badge variant="light" color={active ? 'teal' : 'gray'} size="sm">
      {active ? 'active' : 'inactive'}
    </Badge>
  );
}
