// Monaco from the bundle, never from a CDN (the CSP forbids it and the console works offline): the editor
// core, the JSON language and its worker, created with Vite's ?worker imports.
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/esm/vs/editor/edcore.main.js';
import 'monaco-editor/esm/vs/language/json/monaco.contribution.js';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string): Worker =>
    label === 'json' ? new JsonWorker() : new EditorWorker(),
};
loader.config({ monaco });

export { monaco };
