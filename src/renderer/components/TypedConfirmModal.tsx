// Confirmation for destructive actions. On production connections the user types a given phrase (the
// identity's identifier) before the button enables; elsewhere a plain confirm.
import { Alert, Button, Code, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';

export interface TypedConfirmModalProps {
  opened: boolean;
  title: string;
  /** What happens, in one or two sentences. */
  description: ReactNode;
  confirmLabel: string;
  /** When set, the user must type exactly this (case-insensitive) to confirm. */
  phrase?: string | undefined;
  loading?: boolean;
  onConfirm(typed: string): void;
  onClose(): void;
}

export function TypedConfirmModal(props: TypedConfirmModalProps): ReactNode {
  const [typed, setTyped] = useState('');
  useEffect(() => {
    if (props.opened) setTyped('');
  }, [props.opened]);
  const matches = !props.phrase || typed.trim().toLowerCase() === props.phrase.toLowerCase();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (matches) props.onConfirm(typed.trim());
        }}
      >
        <Stack>
          <Text size="sm">{props.description}</Text>
          {props.phrase && (
            <>
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />}>
                This is a production connection. Type <Code>{props.phrase}</Code> to confirm.
              </Alert>
              <TextInput
                label="Confirmation"
                data-autofocus
                value={typed}
                onChange={(e) => setTyped(e.currentTarget.value)}
                placeholder={props.phrase}
                autoComplete="off"
                spellCheck={false}
              />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              color="red"
              disabled={!matches}
              loading={props.loading ?? false}
              data-autofocus={props.phrase ? undefined : true}
            >
              {props.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
