'use client';

import { useActionState } from 'react';
import { markReadAction } from './actions';

/** 标为已读 for one message (with its id) or 全部标为已读 (without): a plain form, so it works without JavaScript. */
export function MarkReadButton({ messageId, label }: { messageId?: string; label: string }) {
  const [, formAction, pending] = useActionState(markReadAction, { status: 'idle' });
  return (
    <form action={formAction} className="inline-form">
      {messageId ? <input type="hidden" name="messageId" value={messageId} /> : null}
      <button className="button secondary small" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '处理中…' : label}
      </button>
    </form>
  );
}
