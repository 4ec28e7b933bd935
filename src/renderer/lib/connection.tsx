// The connection the current screen works on (from the URL's /c/:connectionId), provided by the shell so
// features read it without importing each other.
import { createContext, useContext, type ReactNode } from 'react';
import { consolePaths, type ConnectionProfile } from '../../shared/console-api';

const ConnectionContext = createContext<ConnectionProfile | undefined>(undefined);

export function ConnectionProvider({
  connection,
  children,
}: {
  connection: ConnectionProfile;
  children: ReactNode;
}): ReactNode {
  return <ConnectionContext.Provider value={connection}>{children}</ConnectionContext.Provider>;
}

export function useConnection(): ConnectionProfile {
  const c = useContext(ConnectionContext);
  if (!c) throw new Error('useConnection() outside a connection route');
  return c;
}

/** Writes are allowed: not production, or unlocked and not yet expired. */
export function isWritable(c: ConnectionProfile, now = Date.now()): boolean {
  return !c.production || (c.unlockedUntil !== null && Date.parse(c.unlockedUntil) > now);
}

/** The Kratos admin API path of a connection, through the console backend. */
export function kratosPath(connectionId: string, path: string): string {
  return consolePaths.kratos(connectionId, path);
}
