// The JSON editor: Monaco with JSON Schema validation (e.g. the identity schema's traits), following the
// console's light/dark scheme. Loaded lazily: Monaco is the largest part of the bundle.
import Editor, { type OnMount } from '@monaco-editor/react';
import { useComputedColorScheme } from '@mantine/core';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { monaco } from './monaco-setup';
import type { JsonEditorProps } from './JsonEditor';

export default function MonacoJsonEditor(props: JsonEditorProps): ReactNode {
  const scheme = useComputedColorScheme('light');
  const id = useId().replace(/[^a-zA-Z0-9]/g, '');
  const modelUri = `inmemory://gatehouse/${id}.json`;
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null);

  useEffect(() => {
    if (!props.schema) return;
    const json = monaco.languages.json.jsonDefaults;
    const others = (json.diagnosticsOptions.schemas ?? []).filter((s) => !s.fileMatch?.includes(modelUri));
    json.setDiagnosticsOptions({
      validate: true,
      allowComments: false,
      schemas: [...others, { uri: `gatehouse://schema/${id}`, fileMatch: [modelUri], schema: props.schema }],
    });
  }, [props.schema, modelUri, id]);

  return (
    <Editor
      height={props.height ?? 360}
      language="json"
      path={modelUri}
      value={props.value}
      theme={scheme === 'dark' ? 'vs-dark' : 'vs'}
      onChange={(v) => props.onChange?.(v ?? '')}
      onMount={(editor) => {
        editorRef.current = editor;
      }}
      options={{
        readOnly: props.readOnly ?? false,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        fontSize: 13,
        tabSize: 2,
        automaticLayout: true,
        wordWrap: 'on',
        renderLineHighlight: 'none',
      }}
    />
  );
}
