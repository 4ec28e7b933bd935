// The UI message catalog: Kratos's uiText messages with their numeric ids, texts and contexts.
export type { UiText, UiTextType } from './message';
export { uiText } from './message';
export { TextId } from './ids';
export type { TextIdName } from './ids';
export * from './login';
export * from './registration';
export * from './settings';
export * from './recovery';
export * from './verification';
export * from './node';
export * from './system';
export * from './validation';
export * from './credentials';
export * from './duplicate-hints';
