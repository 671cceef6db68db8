'use client';

import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import { recoveryCodeAction, secondFactorAction } from './actions';

export const SecondFactorForm = enhancedForm(function SecondFactorForm({ next }: { next?: string }) {
  const { formProps, pending, form, errorFor, formError } = useActionForm(
    () => import('@/lib/schemas/two-factor').then((m) => m.secondFactorSchema),
    secondFactorAction,
  );
  return (
    <form {...formProps}>
      <FormMessage error={formError} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field name="code" label="动态验证码" error={errorFor('code')}>
        <input
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          {...form.register('code')}
          {...fieldAttrs('code', errorFor('code'))}
        />
      </Field>
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '正在验证…' : '验证'}
      </button>
    </form>
  );
});

export const RecoveryCodeForm = enhancedForm(function RecoveryCodeForm({ next }: { next?: string }) {
  const { formProps, pending, form, errorFor, formError } = useActionForm(
    () => import('@/lib/schemas/two-factor').then((m) => m.recoveryCodeSchema),
    recoveryCodeAction,
  );
  return (
    <form {...formProps}>
      <FormMessage error={formError} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field name="recoveryCode" label="恢复码" error={errorFor('recoveryCode')} hint="形如 abcde-fghjk，不区分大小写">
        <input type="text" autoComplete="off" spellCheck={false} {...form.register('recoveryCode')} {...fieldAttrs('recoveryCode', errorFor('recoveryCode'), true)} />
      </Field>
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '正在验证…' : '使用恢复码登录'}
      </button>
    </form>
  );
});
