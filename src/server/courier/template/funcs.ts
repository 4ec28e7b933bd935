// Function table types shared by the executor, the builtins and Sprig.

/**
 * Go parameter types that matter for argument conversion (text/template's evalArg and
 * validateType): literals are converted to the declared type, data values must already be of it.
 *  - 'any'    interface{}: anything; a missing value arrives as null (a nil interface)
 *  - 'value'  reflect.Value: anything, including a missing value (undefined); used by builtins
 *  - 'map'    map[string]interface{}
 *  - 'slice'  []interface{}
 */
export type ParamType = 'string' | 'int' | 'float64' | 'bool' | 'any' | 'value' | 'map' | 'slice';

export interface FuncDef {
  /** Fixed parameters. */
  readonly params: readonly ParamType[];
  /** Element type of a trailing variadic parameter, if any. */
  readonly variadic?: ParamType;
  /**
   * The implementation. Throw FuncError for a Go error return: the executor reports it as
   * "error calling NAME: MESSAGE". Any other exception is a bug and propagates.
   */
  readonly fn: (...args: unknown[]) => unknown;
}

export type FuncMap = ReadonlyMap<string, FuncDef>;

export const GO_TYPE_OF_PARAM: Readonly<Record<ParamType, string>> = {
  string: 'string',
  int: 'int',
  float64: 'float64',
  bool: 'bool',
  any: 'interface {}',
  value: 'reflect.Value',
  map: 'map[string]interface {}',
  slice: '[]interface {}',
};

/** Small helper to declare a function table entry. */
export function def(
  params: readonly ParamType[],
  fn: (...args: never[]) => unknown,
  variadic?: ParamType,
): FuncDef {
  return variadic === undefined
    ? { params, fn: fn as (...args: unknown[]) => unknown }
    : { params, variadic, fn: fn as (...args: unknown[]) => unknown };
}
