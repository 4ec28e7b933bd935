import type { FuncDef } from '../funcs';
export const SPRIG_HERMETIC: ReadonlyMap<string, FuncDef> = new Map();
