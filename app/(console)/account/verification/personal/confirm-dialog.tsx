'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef } from 'react';
import { FormMessage } from '@/app/_components/field';
import { confirmPersonalInfoAction } from './actions';

export interface ConfirmRow {
  label: string;
  value: string;
}

const EDIT = '/account/verification/personal?step=edit';

/**
 * The confirmation of step 1: a modal <dialog> with JS; without JS the same element is
 * rendered open in the page, so the step works either way. Escape means 上一步.
 */
export function ConfirmDialog({ verificationId, rows }: { verificationId: string; rows: ConfirmRow[] }) {
  const ref = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const [state, formAction, pending] = useActionState(confirmPersonalInfoAction, { status: 'idle' });
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.hasAttribute('data-modal')) {
      dialog.close();
      dialog.setAttribute('data-modal', '');
      dialog.showModal();
    }
  }, []);
  return (
    <dialog
      ref={ref}
      open
      aria-labelledby="confirm-title"
      className="confirm-dialog"
      onCancel={(event) => {
        // A closed dialog would leave an empty page: Escape goes back to the form instead.
        event.preventDefault();
        router.push(EDIT);
      }}
    >
      <h2 id="confirm-title">请确认认证信息</h2>
      <p className="muted">提交后将使用以下信息进行实名认证，请确认与证件一致。</p>
      <dl className="info">
        {rows.map((r) => (
          <div key={r.label} className="info-row">
            <dt>{r.label}</dt>
            <dd>{r.value}</dd>
          </div>
        ))}
      </dl>
      <FormMessage error={state.status === 'error' ? state.message : undefined} />
      <form action={formAction} className="actions">
        <input type="hidden" name="verificationId" value={verificationId} />
        <button className="button" type="submit" disabled={pending} autoFocus>
          确定
        </button>
        <Link className="button secondary" href={EDIT}>
          上一步
        </Link>
      </form>
    </dialog>
  );
}
