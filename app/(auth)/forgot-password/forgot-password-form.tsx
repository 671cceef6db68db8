'use client';

import Link from 'next/link';
import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import { forgotPasswordAction } from '../actions';

/** The answer is the same whether or not the address has an account (no enumeration). */
const RESET_SENT_MESSAGE = '如果该邮箱已注册，重置密码的邮件已发送，请在 30 分钟内打开邮件中的链接。';

export const ForgotPasswordForm = enhancedForm(function ForgotPasswordForm() {
  const { formProps, pending, form, errorFor, valueOf, formError, state } = useActionForm(
    () => import('@/lib/schemas/auth').then((m) => m.forgotPasswordSchema),
    forgotPasswordAction,
  );
  return (
    <form {...formProps}>
      <FormMessage error={formError} ok={state.status === 'ok' ? RESET_SENT_MESSAGE : undefined} />
      <Field name="email" label="邮箱" error={errorFor('email')}>
        <input type="email" autoComplete="email" defaultValue={valueOf('email')} {...form.register('email')} {...fieldAttrs('email', errorFor('email'))} />
      </Field>
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '正在发送…' : '发送重置邮件'}
      </button>
      <p className="muted">
        想起密码了？<Link href="/login">登录</Link>
      </p>
    </form>
  );
});
