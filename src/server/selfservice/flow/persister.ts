// What the flow handlers need from storage. Implemented by persistence/sqlite/flow.ts.
import type { StoredFlow } from './model';

export type { StoredFlow };

export interface FlowPersister {
  /** Inserts or replaces the flow document. */
  saveFlow(flow: StoredFlow): void;
  getFlow(id: string): StoredFlow | undefined;
  deleteExpiredFlows(before: string): number;
}

export interface FlowPersisterProvider {
  flowPersister: FlowPersister;
}
