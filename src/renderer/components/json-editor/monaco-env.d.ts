// Monaco's editor core without its bundled languages (we load JSON only), typed as the full API.
declare module 'monaco-editor/esm/vs/editor/edcore.main.js' {
  export * from 'monaco-editor';
}
declare module 'monaco-editor/esm/vs/language/json/monaco.contribution.js';
