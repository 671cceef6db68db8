'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import { QUOTA_REASON_MAX } from '@/lib/schemas/review-fields';
import { changeQuotaAction, setQuotaByCodeAction } from './actions';

/** After a saved change the list is read again (with JS; without JS the post renders the page anew). */
function useRefreshOnSuccess(ok: boolean) {
  const router = useRouter();
  useEffect(() => {
    if (ok) router.refresh();
  }, [ok, router]);
}

/** One enterprise's row: 新上限 + 调整原因 (mandatory) → 保存. Ids carry the row's index: many rows, one page. */
export const QuotaRowForm = enhancedForm(function QuotaRowForm({ index, identityKey, name, limit }: { index: number; identityKey: string; name: string; limit: number }) {
  const { formProps, form, errorFor, valueOf, formError, pending, state } = useActionForm(() => import('@/lib/schemas/review').then((m) => m.quotaChangeSchema), changeQuotaAction, {
    defaults: { identityKey, maxAccounts: String(limit) },
  });
  useRefreshOnSuccess(state.status === 'ok');
  const id = (field: string) => `q${index}-${field}`;
  const maxError = errorFor('maxAccounts');
  const reasonError = errorFor('reason');
  return (
    <form className="row-form" {...formProps} aria-label={`调整${name}的账号数量上限`}>
      <input type="hidden" value={identityKey} {...form.register('identityKey')} />
      <label className="visually-hidden" htmlFor={id('max')}>
        {name}的新上限
      </label>
      <input
        id={id('max')}
        type="number"
        min={1}
        max={1000}
        defaultValue={valueOf('maxAccounts', String(limit))}
        aria-invalid={maxError ? true : undefined}
        aria-describedby={maxError ? id('max-error') : undefined}
        {...form.register('maxAccounts')}
      />
      <label className="visually-hidden" htmlFor={id('reason')}>
        {name}的调整原因
      </label>
      <input
        id={id('reason')}
        type="text"
        placeholder="调整原因（必填）"
        maxLength={QUOTA_REASON_MAX}
        defaultValue={valueOf('reason')}
        aria-invalid={reasonError ? true : undefined}
        aria-describedby={reasonError ? id('reason-error') : undefined}
        {...form.register('reason')}
      />
      <button className="button secondary" type="submit" disabled={pending}>
        保存
      </button>
      {maxError ? (
        <div className="error" id={id('max-error')}>
          {maxError}
        </div>
      ) : null}
      {reasonError ? (
        <div className="error" id={id('reason-error')}>
          {reasonError}
        </div>
      ) : null}
      {formError ? (
        <div className="error" role="alert">
          {formError}
        </div>
      ) : null}
      {state.status === 'ok' ? (
        <div className="muted" role="status">
          已保存：上限 {state.data.from} → {state.data.to}
        </div>
      ) : null}
    </form>
  );
});

/** 按代码设置: an enterprise not listed yet (no account verified with it so far). */
export const QuotaByCodeForm = enhancedForm(function QuotaByCodeForm() {
  const { formProps, form, errorFor, initial, formError, pending, state } = useActionForm(() => import('@/lib/schemas/review').then((m) => m.quotaByCodeSchema), setQuotaByCodeAction);
  useRefreshOnSuccess(state.status === 'ok');
  return (
    <form {...formProps} aria-labelledby="by-code-title">
      <h2 id="by-code-title">按社会信用代码设置上限</h2>
      <FormMessage error={formError} ok={state.status === 'ok' ? `已保存：上限 ${state.data.from} → ${state.data.to}` : undefined} />
      <Field name="code" label="社会信用代码/其他组织机构代码" error={errorFor('code')}>
        <input type="text" autoComplete="off" spellCheck={false} maxLength={30} defaultValue={initial('code')} {...form.register('code')} {...fieldAttrs('code', errorFor('code'))} />
      </Field>
      <Field name="name" label="企业名称（选填）" error={errorFor('name')}>
        <input type="text" maxLength={100} defaultValue={initial('name')} {...form.register('name')} {...fieldAttrs('name', errorFor('name'))} />
      </Field>
      <Field name="maxAccounts" label="账号数量上限" error={errorFor('maxAccounts')}>
        <input type="number" min={1} max={1000} defaultValue={initial('maxAccounts')} {...form.register('maxAccounts')} {...fieldAttrs('maxAccounts', errorFor('maxAccounts'))} />
      </Field>
      <Field name="reason" label="调整原因" error={errorFor('reason')}>
        <input type="text" maxLength={QUOTA_REASON_MAX} defaultValue={initial('reason')} {...form.register('reason')} {...fieldAttrs('reason', errorFor('reason'))} />
      </Field>
      <button className="button" type="submit" disabled={pending}>
        保存
      </button>
    </form>
  );
});
