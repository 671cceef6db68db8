'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

// After a failed or an early unchanged answer: never faster than the fixed poll this replaced.
const PAUSE_MS = 2000;

/**
 * While a page waits for someone else (a phone, a reviewer, the bank) it follows by
 * itself: it long-polls `statusUrl` (`{state, sessionState}`, no personal data) with
 * what it shows — the server answers when either moves, or after a few seconds
 * unchanged (docs/decisions/0019) — and re-renders only when something moved.
 * `sessionState` '' stands for no open session (the route says null).
 * Without JS the page offers 刷新结果 instead.
 */
export function AutoRefresh({ statusUrl, state, sessionState }: { statusUrl: string; state: string; sessionState: string }) {
  const router = useRouter();
  useEffect(() => {
    const stop = new AbortController();
    const pause = () => new Promise<void>((resolve) => setTimeout(resolve, PAUSE_MS));
    void (async () => {
      let known = { state, sessionState };
      while (!stop.signal.aborted) {
        const asked = performance.now();
        try {
          const url = new URL(statusUrl, window.location.href);
          url.searchParams.set('state', known.state);
          url.searchParams.set('sessionState', known.sessionState);
          const res = await fetch(url, { cache: 'no-store', signal: stop.signal });
          if (!res.ok) {
            await pause();
            continue;
          }
          const now = (await res.json()) as { state: string; sessionState: string | null };
          const seen = { state: now.state, sessionState: now.sessionState ?? '' };
          if (seen.state !== known.state || seen.sessionState !== known.sessionState) {
            known = seen;
            router.refresh();
          } else if (performance.now() - asked < PAUSE_MS) {
            // Answered unchanged without holding (a server shutting down): do not spin.
            await pause();
          }
        } catch {
          // offline for a moment, or the page left: try again later unless stopped
          if (!stop.signal.aborted) await pause();
        }
      }
    })();
    return () => stop.abort();
  }, [statusUrl, state, sessionState, router]);
  return null;
}
