'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import { INTERNAL_NOTE_MAX } from '@/lib/schemas/review-fields';
import { approveCaseAction, rejectCaseAction } from './actions';

export interface ReasonGroup {
  itemKey: string;
  itemLabel: string;
  options: { code: string; label: string; hint: string }[];
}

/** 通过. */
export function ApproveForm({ caseId, round }: { caseId: string; round: number }) {
  const [state, formAction, pending] = useActionState(approveCaseAction, { status: 'idle' });
  return (
    <form action={formAction} aria-labelledby="approve-title">
      <h3 id="approve-title">审核通过</h3>
      <p className="muted">确认材料真实、完整、清晰后通过；通过后将通知用户，并继续其认证或变更流程。</p>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="round" value={round} />
      <FormMessage error={state.status === 'error' ? state.message : undefined} />
      <button className="button" type="submit" disabled={pending}>
        通过
      </button>
    </form>
  );
}

/**
 * 驳回 with structured reasons (SPEC §13): one or more fixed reasons, each for an item,
 * whose fix hints the user will see; and an internal note the user never sees.
 */
export const RejectForm = enhancedForm(function RejectForm({ caseId, round, groups }: { caseId: string; round: number; groups: ReasonGroup[] }) {
  const { formProps, form, errorFor, valueOf, formError, pending, state } = useActionForm(() => import('@/lib/schemas/review').then((m) => m.rejectSchema), rejectCaseAction);
  const reasonsError = errorFor('reasons');
  const posted = state.status === 'error' ? new Set(Object.entries(state.values).filter(([k]) => k === 'reasons').map(([, v]) => v)) : new Set<string>();
  const noteError = errorFor('note');
  return (
    <form {...formProps} aria-labelledby="reject-title">
      <h3 id="reject-title">审核驳回</h3>
      <input type="hidden" value={caseId} {...form.register('caseId', { value: caseId })} />
      <input type="hidden" value={round} {...form.register('round', { value: String(round) })} />
      <FormMessage error={formError} />
      <div
        className={reasonsError ? 'reasons-group invalid' : 'reasons-group'}
        role="group"
        aria-labelledby="reasons-title"
        aria-describedby={reasonsError ? 'reasons-error reasons-hint' : 'reasons-hint'}
      >
        <p id="reasons-title">
          <strong>驳回原因</strong>（至少选择一项，按材料勾选）
        </p>
        <p id="reasons-hint" className="muted">
          用户将看到所选原因及对应的修改提示，并只需重新提交被驳回的材料。
        </p>
        {reasonsError ? (
          <div className="error" id="reasons-error" role="alert">
            {reasonsError}
          </div>
        ) : null}
        {groups.map((g) => (
          <fieldset key={g.itemKey}>
            <legend>{g.itemLabel}</legend>
            {g.options.map((o) => {
              const value = `${g.itemKey}:${o.code}`;
              const id = `reason-${g.itemKey}-${o.code}`;
              return (
                <div className="check" key={o.code}>
                  <input type="checkbox" id={id} value={value} defaultChecked={posted.has(value)} aria-describedby={`${id}-hint`} {...form.register('reasons')} />
                  <label htmlFor={id}>
                    {o.label}
                    <span className="hint" id={`${id}-hint`}>
                      提示用户：{o.hint}
                    </span>
                  </label>
                </div>
              );
            })}
          </fieldset>
        ))}
      </div>
      <div className="field">
        <label htmlFor="note">内部备注（选填，仅审核人员可见，用户看不到）</label>
        <textarea
          id="note"
          rows={3}
          maxLength={INTERNAL_NOTE_MAX}
          defaultValue={valueOf('note')}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={noteError ? 'note-error' : undefined}
          {...form.register('note')}
        />
        {noteError ? (
          <div className="error" id="note-error">
            {noteError}
          </div>
        ) : null}
      </div>
      <button className="button danger" type="submit" disabled={pending}>
        驳回
      </button>
    </form>
  );
});
