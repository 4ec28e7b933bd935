// Keyset paging state: Kratos only links "next", so "previous" is a stack of the tokens that led here.
// Resets whenever the filters change (a token belongs to one query).
import { useCallback, useEffect, useRef, useState } from 'react';

export interface KeysetPaging {
  /** Token of the current page (undefined: first page). */
  token: string | undefined;
  pageNumber: number;
  hasPrevious: boolean;
  next(token: string): void;
  previous(): void;
  first(): void;
}

export function useKeysetPaging(resetKey: string): KeysetPaging {
  const [stack, setStack] = useState<(string | undefined)[]>([undefined]);
  const last = useRef(resetKey);
  useEffect(() => {
    if (last.current !== resetKey) {
      last.current = resetKey;
      setStack([undefined]);
    }
  }, [resetKey]);
  const next = useCallback((token: string) => setStack((s) => [...s, token]), []);
  const previous = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const first = useCallback(() => setStack([undefined]), []);
  return {
    token: stack[stack.length - 1],
    pageNumber: stack.length,
    hasPrevious: stack.length > 1,
    next,
    previous,
    first,
  };
}
