'use client';

import { useActionState } from 'react';
import { revealItemAction } from './actions';

/**
 * A masked value and its 查看 button (SPEC §7): the clear value arrives only as the
 * answer to this post — a server round trip without JavaScript — and every reveal is
 * audited on the server.
 */
export function RevealButton({ caseId, itemKey, label, masked }: { caseId: string; itemKey: string; label: string; masked: string }) {
  const [state, formAction, pending] = useActionState(revealItemAction, { status: 'idle' });
  const revealed = state.status === 'ok' && state.data.itemKey === itemKey ? state.data.value : null;
  return (
    <div className="masked-value">
      {revealed ? (
        <>
          <span className="clear-value">{revealed}</span>
          <span className="muted">已显示明文，本次查看已记录</span>
        </>
      ) : (
        <>
          <span>{masked}</span>
          <form action={formAction}>
            <input type="hidden" name="caseId" value={caseId} />
            <input type="hidden" name="itemKey" value={itemKey} />
            <button className="button secondary" type="submit" disabled={pending} aria-label={`查看${label}明文`}>
              查看
            </button>
          </form>
        </>
      )}
      {state.status === 'error' ? (
        <span className="error" role="alert">
          {state.message}
        </span>
      ) : null}
    </div>
  );
}
