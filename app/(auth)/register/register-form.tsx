'use client';

import Link from 'next/link';
import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import { registerAction } from '../actions';

export const RegisterForm = enhancedForm(function RegisterForm() {
  const { formProps, pending, form, errorFor, valueOf, formError } = useActionForm(() => import('@/lib/schemas/auth').then((m) => m.registerSchema), registerAction);
  return (
    <form {...formProps}>
      <FormMessage error={formError} />
      <Field name="email" label="邮箱" error={errorFor('email')}>
        <input type="email" autoComplete="email" defaultValue={valueOf('email')} {...form.register('email')} {...fieldAttrs('email', errorFor('email'))} />
      </Field>
      <Field name="password" label="密码" error={errorFor('password')} hint="8–64 位，须同时包含字母和数字">
        <input type="password" autoComplete="new-password" {...form.register('password')} {...fieldAttrs('password', errorFor('password'), true)} />
      </Field>
      <Field name="confirmPassword" label="确认密码" error={errorFor('confirmPassword')}>
        <input type="password" autoComplete="new-password" {...form.register('confirmPassword')} {...fieldAttrs('confirmPassword', errorFor('confirmPassword'))} />
      </Field>
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '正在注册…' : '注册'}
      </button>
      <p className="muted">
        已有账号？<Link href="/login">登录</Link>
      </p>
    </form>
  );
});
