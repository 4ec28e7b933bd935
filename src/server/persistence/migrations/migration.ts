export interface Migration {
  /** Sortable, unique: yyyymmddNNNNNN. */
  version: number;
  name: string;
  /** SQL run once, inside a transaction. */
  up: string;
}
