'use client';

import { ActionButton } from '@/app/_components/action-button';
import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import { PAYER_NAME_MAX } from '@/lib/schemas/recharge-fields';
import { leaveRechargeAction, sendReceivingAccountAction, startRechargeAction } from './actions';

/** 付款账户 (default 企业名称) + 确认并校验 (R-E-RCH 1). */
export const PayerForm = enhancedForm(function PayerForm({ verificationId, enterpriseName }: { verificationId: string; enterpriseName: string }) {
  const { formProps, pending, form, errorFor, initial, formError } = useActionForm(() => import('@/lib/schemas/recharge').then((m) => m.rechargeStartSchema), startRechargeAction, {
    defaults: { verificationId, payerName: enterpriseName },
  });
  return (
    <form {...formProps}>
      <FormMessage error={formError} />
      <input type="hidden" {...form.register('verificationId')} defaultValue={verificationId} />
      <Field name="payerName" label="付款账户" error={errorFor('payerName')} hint="付款的对公账户户名，须与企业名称完全一致">
        <input
          type="text"
          autoComplete="off"
          maxLength={PAYER_NAME_MAX}
          defaultValue={initial('payerName')}
          {...form.register('payerName')}
          {...fieldAttrs('payerName', errorFor('payerName'), true)}
        />
      </Field>
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '正在生成…' : '确认并校验'}
      </button>
    </form>
  );
});

export function SendToPhoneButton({ verificationId }: { verificationId: string }) {
  return (
    <ActionButton
      action={sendReceivingAccountAction}
      fields={{ verificationId }}
      label="将收款方信息发送至安全手机"
      pendingLabel="正在发送…"
      doneLabel="已发送至安全手机"
      variant="secondary"
    />
  );
}

export function LeaveRechargeButton({ verificationId }: { verificationId: string }) {
  return <ActionButton action={leaveRechargeAction} fields={{ verificationId }} label="更换其他认证方式" variant="secondary" />;
}
