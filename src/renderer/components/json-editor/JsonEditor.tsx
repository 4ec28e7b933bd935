// A JSON editor that loads Monaco on first use and shows a plain textarea meanwhile (and in tests).
import { Loader, Paper } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';

export interface JsonEditorProps {
  value: string;
  onChange?: (value: string) => void;
  readOnly?: boolean;
  /** JSON Schema to validate against (Monaco shows problems inline). */
  schema?: Record<string, unknown> | undefined;
  height?: number;
  label?: string;
}

const MonacoJsonEditor = lazy(() => import('./MonacoJsonEditor'));

export function JsonEditor(props: JsonEditorProps): ReactNode {
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }} aria-label={props.label ?? 'JSON editor'}>
      <Suspense fallback={<Loader size="sm" m="md" />}>
        <MonacoJsonEditor {...props} />
      </Suspense>
    </Paper>
  );
}

/** Pretty JSON for the editors (`null` for undefined, as Kratos sends null metadata). */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value ?? null, null, 2);
}

export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: text.trim() === '' ? null : (JSON.parse(text) as unknown) };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}
