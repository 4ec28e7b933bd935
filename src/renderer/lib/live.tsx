// The renderer's end of the live-event stream (ARCHITECTURE.md D11): one EventSource for the whole console.
// Each event invalidates the query keys its topic names (api/live-keys.ts); invalidations arriving together
// are coalesced so that a bulk import refetches a list once, not once per identity.
import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { isLiveEvent, LIVE_EVENT_NAME, LIVE_EVENTS_PATH } from '../../shared/live-events';
import { liveKeys } from '../api/live-keys';

export type LiveStatus = 'connecting' | 'live' | 'offline';

const LiveStatusContext = createContext<LiveStatus>('offline');

/** Whether the embedded server's changes are arriving live (shown in the shell). */
export function useLiveStatus(): LiveStatus {
  return useContext(LiveStatusContext);
}

const COALESCE_MS = 150;

export function createInvalidator(qc: QueryClient, delayMs = COALESCE_MS): (keys: QueryKey[]) => void {
  const pending = new Map<string, QueryKey>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (keys) => {
    for (const key of keys) pending.set(JSON.stringify(key), key);
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      const batch = [...pending.values()];
      pending.clear();
      for (const queryKey of batch) void qc.invalidateQueries({ queryKey });
    }, delayMs);
  };
}

export function LiveEvents({ children }: { children: ReactNode }): ReactNode {
  const qc = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const invalidate = createInvalidator(qc);
    // EventSource reconnects by itself and sends Last-Event-ID, so nothing that happened meanwhile is missed.
    const source = new EventSource(LIVE_EVENTS_PATH, { withCredentials: true });
    source.onopen = () => setStatus('live');
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    source.addEventListener(LIVE_EVENT_NAME, (msg) => {
      let event: unknown;
      try {
        event = JSON.parse((msg as MessageEvent<string>).data);
      } catch {
        return;
      }
      if (isLiveEvent(event)) invalidate(liveKeys[event.topic](event));
    });
    return () => source.close();
  }, [qc]);
  return <LiveStatusContext.Provider value={status}>{children}</LiveStatusContext.Provider>;
}
