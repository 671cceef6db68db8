'use client';

import Link from 'next/link';
import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import { loginAction } from '../actions';

export const LoginForm = enhancedForm(function LoginForm({ next, notice }: { next?: string; notice?: string }) {
  const { formProps, pending, form, errorFor, valueOf, state } = useActionForm(() => import('@/lib/schemas/auth').then((m) => m.loginSchema), loginAction);
  const formError = state.status === 'error' ? state.message : undefined;
  return (
    <form {...formProps}>
      <FormMessage error={formError} ok={state.status === 'idle' ? notice : undefined} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field name="email" label="邮箱" error={errorFor('email')}>
        <input type="email" autoComplete="username" defaultValue={valueOf('email')} {...form.register('email')} {...fieldAttrs('email', errorFor('email'))} />
      </Field>
      <Field name="password" label="密码" error={errorFor('password')}>
        <input type="password" autoComplete="current-password" {...form.register('password')} {...fieldAttrs('password', errorFor('password'))} />
      </Field>
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '正在登录…' : '登录'}
      </button>
      <p className="muted">
        <Link href="/forgot-password">忘记密码</Link>　还没有账号？<Link href="/register">注册</Link>
      </p>
    </form>
  );
});
