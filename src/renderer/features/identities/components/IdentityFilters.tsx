// Search by credentials identifier (exact or similar) and filter by schema and state. The search applies
// after a short pause so paging through 100k identities is not one request per keystroke.
import { CloseButton, Group, SegmentedControl, Select, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode, type RefObject } from 'react';

export interface IdentityFilterValues {
  search: string;
  match: 'exact' | 'similar';
  schemaId: string | undefined;
  state: 'active' | 'inactive' | undefined;
}

export function IdentityFilters(props: {
  values: IdentityFilterValues;
  schemaIds: string[];
  onChange(next: IdentityFilterValues): void;
  searchRef: RefObject<HTMLInputElement | null>;
}): ReactNode {
  const { values } = props;
  const [draft, setDraft] = useState(values.search);
  useEffect(() => setDraft(values.search), [values.search]);
  const apply = useDebouncedCallback((search: string) => props.onChange({ ...values, search }), 350);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        ref={props.searchRef}
        aria-label="Search by identifier"
        placeholder={
          values.match === 'exact'
            ? 'Exact identifier, e.g. ada@example.com   ( / )'
            : 'Similar identifiers…   ( / )'
        }
        leftSection={<IconSearch size={16} />}
        rightSection={
          draft ? (
            <CloseButton
              aria-label="Clear search"
              onClick={() => {
                setDraft('');
                props.onChange({ ...values, search: '' });
              }}
            />
          ) : null
        }
        value={draft}
        onChange={(e) => {
          setDraft(e.currentTarget.value);
          apply(e.currentTarget.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') props.onChange({ ...values, search: draft });
        }}
        w={340}
      />
      <Tooltip label="Exact uses credentials_identifier; similar uses preview_credentials_identifier_similar">
        <SegmentedControl
          aria-label="Match"
          size="sm"
          data={[
            { value: 'exact', label: 'Exact' },
            { value: 'similar', label: 'Similar' },
          ]}
          value={values.match}
          onChange={(m) => props.onChange({ ...values, match: m === 'similar' ? 'similar' : 'exact' })}
        />
      </Tooltip>
      <Select
        aria-label="Schema"
        placeholder="All schemas"
        data={props.schemaIds}
        value={values.schemaId ?? null}
        onChange={(v) => props.onChange({ ...values, schemaId: v ?? undefined })}
        clearable
        w={180}
      />
      <Select
        aria-label="State"
        placeholder="Any state"
        data={[
          { value: 'active', label: 'Active' },
          { value: 'inactive', label: 'Inactive' },
        ]}
        value={values.state ?? null}
        onChange={(v) =>
          props.onChange({ ...values, state: v === 'active' || v === 'inactive' ? v : undefined })
        }
        clearable
        w={150}
      />
    </Group>
  );
}
