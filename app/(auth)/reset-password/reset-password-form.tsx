'use client';

import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import { resetPasswordAction } from '../actions';

export const ResetPasswordForm = enhancedForm(function ResetPasswordForm({ token }: { token: string }) {
  const { formProps, pending, form, errorFor, formError } = useActionForm(
    () => import('@/lib/schemas/auth').then((m) => m.resetPasswordSchema),
    resetPasswordAction,
    { defaults: { token } },
  );
  return (
    <form {...formProps}>
      <FormMessage error={formError} />
      <input type="hidden" value={token} {...form.register('token')} />
      <Field name="password" label="新密码" error={errorFor('password')} hint="8–64 位，须同时包含字母和数字">
        <input type="password" autoComplete="new-password" {...form.register('password')} {...fieldAttrs('password', errorFor('password'), true)} />
      </Field>
      <Field name="confirmPassword" label="确认新密码" error={errorFor('confirmPassword')}>
        <input type="password" autoComplete="new-password" {...form.register('confirmPassword')} {...fieldAttrs('confirmPassword', errorFor('confirmPassword'))} />
      </Field>
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '正在保存…' : '设置新密码'}
      </button>
    </form>
  );
});
