// UI containers and nodes the way Kratos builds, orders and serialises them.
export type * from './types';
export {
  canonicalAttributes,
  canonicalContainer,
  canonicalInputAttributes,
  canonicalNode,
} from './attributes';
export * from './nodes';
export * from './container';
export * from './schema-nodes';
export { listSchemaPaths } from './schema-paths';
export type { SchemaPath, PathKind } from './schema-paths';
export * from './sort';
export * from './validation';
