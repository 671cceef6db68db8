'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * While a page waits for someone else (a phone, a reviewer, the bank) it follows by
 * itself: it polls `statusUrl` (`{state, sessionState}`, no personal data) and re-renders
 * when either moves. `sessionState` '' stands for no open session (the route says null).
 * Without JS the page offers 刷新结果 instead.
 */
export function AutoRefresh({ statusUrl, state, sessionState }: { statusUrl: string; state: string; sessionState: string }) {
  const router = useRouter();
  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const res = await fetch(statusUrl, { cache: 'no-store' });
        if (!res.ok || stopped) return;
        const now = (await res.json()) as { state: string; sessionState: string | null };
        if (now.state !== state || (now.sessionState ?? '') !== sessionState) router.refresh();
      } catch {
        // offline for a moment: the next tick tries again
      }
    }, 2000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [statusUrl, state, sessionState, router]);
  return null;
}
