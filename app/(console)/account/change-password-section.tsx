'use client';

import { useEffect } from 'react';
import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import { changePasswordAction } from './security-actions';

/** 修改密码 on 账号信息 (issue 16): the current password, then the new one twice; other devices are signed out. */
export const ChangePasswordSection = enhancedForm(function ChangePasswordSection() {
  const { formProps, pending, form, errorFor, formError, state } = useActionForm(
    () => import('@/lib/schemas/auth').then((m) => m.changePasswordSchema),
    changePasswordAction,
  );
  // With JS the typed passwords would otherwise stay in the fields after a success.
  useEffect(() => {
    if (state.status === 'ok') form.reset({ currentPassword: '', newPassword: '', confirmNewPassword: '' });
  }, [state, form]);
  return (
    <section className="panel" aria-labelledby="change-password">
      <h2 id="change-password">修改密码</h2>
      <form {...formProps}>
        <FormMessage error={formError} ok={state.status === 'ok' ? '密码已修改，其他设备已退出登录' : undefined} />
        <Field name="currentPassword" label="当前密码" error={errorFor('currentPassword')}>
          <input type="password" autoComplete="current-password" {...form.register('currentPassword')} {...fieldAttrs('currentPassword', errorFor('currentPassword'))} />
        </Field>
        <Field name="newPassword" label="新密码" error={errorFor('newPassword')} hint="8–64 位，须同时包含字母和数字">
          <input type="password" autoComplete="new-password" {...form.register('newPassword')} {...fieldAttrs('newPassword', errorFor('newPassword'), true)} />
        </Field>
        <Field name="confirmNewPassword" label="确认新密码" error={errorFor('confirmNewPassword')}>
          <input type="password" autoComplete="new-password" {...form.register('confirmNewPassword')} {...fieldAttrs('confirmNewPassword', errorFor('confirmNewPassword'))} />
        </Field>
        <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? '正在保存…' : '修改密码'}
        </button>
      </form>
    </section>
  );
});
