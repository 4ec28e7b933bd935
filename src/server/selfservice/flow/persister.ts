// What the flow handlers need from storage. Implemented by persistence/sqlite/flow.ts.
import type { StoredFlow } from './model';

export type { StoredFlow };

export interface FlowPersister {
  /** Inserts or replaces the flow document. */
  saveFlow(flow: StoredFlow): void;
  getFlow(id: string): StoredFlow | undefined;
  deleteExpiredFlows(before: string): number;
  /** Runs fn atomically; nested calls join the outer transaction. */
  transaction<T>(fn: () => T): T;
}

export interface FlowPersisterProvider {
  flowPersister: FlowPersister;
}
