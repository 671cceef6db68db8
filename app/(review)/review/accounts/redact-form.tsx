'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import { REDACTION_REASON_MAX } from '@/lib/schemas/redaction-fields';
import { redactAccountAction } from './actions';

/**
 * 删除个人信息: a mandatory reason and the 账号ID typed again. Without JS the post renders
 * the page anew with the result; with JS the same schema checks first, and the summary
 * is read again after a success.
 */
export const RedactForm = enhancedForm(function RedactForm({ accountNumber }: { accountNumber: string }) {
  const { formProps, form, errorFor, initial, formError, pending, state } = useActionForm(() => import('@/lib/schemas/redaction').then((m) => m.redactAccountSchema), redactAccountAction, {
    defaults: { accountNumber },
  });
  const router = useRouter();
  const done = state.status === 'ok';
  useEffect(() => {
    if (done) router.refresh();
  }, [done, router]);
  const ok = done
    ? state.data.status === 'redacted'
      ? `已删除账号 ${state.data.accountNumber} 的个人信息，该账号已注销`
      : `账号 ${state.data.accountNumber} 的个人信息此前已删除`
    : undefined;
  return (
    <form {...formProps} aria-labelledby="redact-title">
      <h2 id="redact-title">删除个人信息</h2>
      <p className="warning" role="note">
        删除后不可恢复：该账号的证件号码、姓名、手机号、银行账号、上传的文件和消息将被删除，账号将被注销、无法再登录；企业名称和代码保留，审计日志不受影响。
      </p>
      <FormMessage error={formError} ok={ok} />
      <input type="hidden" {...form.register('accountNumber')} value={accountNumber} />
      <Field name="reason" label="删除原因" error={errorFor('reason')} hint="例如：用户注销账号、用户行使删除权。请勿填写个人信息。">
        <textarea rows={3} maxLength={REDACTION_REASON_MAX} defaultValue={initial('reason')} {...form.register('reason')} {...fieldAttrs('reason', errorFor('reason'), true)} />
      </Field>
      <Field name="confirmAccountNumber" label="再次输入账号ID以确认" error={errorFor('confirmAccountNumber')}>
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
          defaultValue={initial('confirmAccountNumber')}
          {...form.register('confirmAccountNumber')}
          {...fieldAttrs('confirmAccountNumber', errorFor('confirmAccountNumber'))}
        />
      </Field>
      <button className="button danger" type="submit" disabled={pending || done}>
        删除个人信息
      </button>
    </form>
  );
});
