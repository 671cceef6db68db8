'use client';

import { useCallback } from 'react';
import { ConsentField } from '@/app/_components/consent-field';
import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import type { CalendarDate } from '@/lib/domain/identity/calendar-date';
import { checkAmountAction, resubmitBankAction, startOperatorCheckAction } from './actions';
import { BankFields, type CityGroup } from './bank-fields';

/** R-E-PAY 2, 经办人身份核验: 经办人姓名 + 经办人身份证, then the operator's face session. */
export const OperatorForm = enhancedForm(function OperatorForm(props: { verificationId: string; today: CalendarDate; defaults: Record<string, string>; consentNeeded: boolean; submitLabel: string }) {
  const loadSchema = useCallback(() => import('@/lib/schemas/payout').then((m) => m.payoutOperatorSchema(props.today)), [props.today]);
  const { formProps, pending, form, errorFor, initial, formError } = useActionForm(loadSchema, startOperatorCheckAction, {
    defaults: { verificationId: props.verificationId, ...props.defaults },
  });
  return (
    <form {...formProps}>
      <FormMessage error={formError} />
      <input type="hidden" {...form.register('verificationId')} defaultValue={props.verificationId} />
      <Field name="operatorName" label="经办人姓名" error={errorFor('operatorName')}>
        <input type="text" autoComplete="off" maxLength={60} defaultValue={initial('operatorName')} {...form.register('operatorName')} {...fieldAttrs('operatorName', errorFor('operatorName'))} />
      </Field>
      <Field name="operatorIdNumber" label="经办人身份证" error={errorFor('operatorIdNumber')} hint="仅支持18位中国大陆居民身份证号码">
        <input type="text" autoComplete="off" spellCheck={false} maxLength={40} defaultValue={initial('operatorIdNumber')} {...form.register('operatorIdNumber')} {...fieldAttrs('operatorIdNumber', errorFor('operatorIdNumber'), true)} />
      </Field>
      <ConsentField purpose="face" error={errorFor('consent')} defaultChecked={!props.consentNeeded} inputProps={form.register('consent')} />
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '正在生成…' : props.submitLabel}
      </button>
    </form>
  );
});

/** R-E-PAY 4, after 打款失败: the corrected bank details, resubmitted for review. */
export const BankCorrectionForm = enhancedForm(function BankCorrectionForm(props: { verificationId: string; defaults: Record<string, string>; cityGroups: CityGroup[] }) {
  const { formProps, pending, form, errorFor, initial, formError } = useActionForm(() => import('@/lib/schemas/payout').then((m) => m.payoutBankSchema), resubmitBankAction, {
    defaults: { verificationId: props.verificationId, ...props.defaults },
  });
  return (
    <form {...formProps}>
      <FormMessage error={formError} />
      <input type="hidden" {...form.register('verificationId')} defaultValue={props.verificationId} />
      <BankFields form={form} errorFor={errorFor} initial={initial} cityGroups={props.cityGroups} />
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '正在提交…' : '修改后重新提交'}
      </button>
    </form>
  );
});

/** R-E-PAY 5: 收款金额 in 元, 我已收到打款，开始校验. */
export const AmountForm = enhancedForm(function AmountForm(props: { verificationId: string; chancesLeft: number }) {
  const { formProps, pending, form, errorFor, initial, formError } = useActionForm(() => import('@/lib/schemas/payout').then((m) => m.payoutAmountSchema), checkAmountAction, {
    defaults: { verificationId: props.verificationId },
  });
  return (
    <form {...formProps}>
      <FormMessage error={formError} />
      <input type="hidden" {...form.register('verificationId')} defaultValue={props.verificationId} />
      <Field name="amount" label="收款金额" error={errorFor('amount')} hint={`单位：元，如 0.37。您有${props.chancesLeft}/2次验证机会`}>
        <input type="text" inputMode="decimal" autoComplete="off" maxLength={12} defaultValue={initial('amount')} {...form.register('amount')} {...fieldAttrs('amount', errorFor('amount'), true)} />
      </Field>
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '正在校验…' : '我已收到打款，开始校验'}
      </button>
    </form>
  );
});
