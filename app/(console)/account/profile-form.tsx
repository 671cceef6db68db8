'use client';

import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { IndustryField } from '@/app/_components/industry-field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import { updateProfileAction } from './actions';

export const ProfileForm = enhancedForm(function ProfileForm(props: { nickname: string; industry: string | null; contactPhoneMasked: string | null }) {
  const { formProps, pending, form, errorFor, valueOf, formError, state } = useActionForm(() => import('@/lib/schemas/account').then((m) => m.profileSchema), updateProfileAction);
  return (
    <form {...formProps}>
      <FormMessage error={formError} ok={state.status === 'ok' ? '已保存' : undefined} />
      <Field name="nickname" label="账号昵称" error={errorFor('nickname')}>
        <input type="text" maxLength={64} defaultValue={valueOf('nickname', props.nickname)} {...form.register('nickname')} {...fieldAttrs('nickname', errorFor('nickname'))} />
      </Field>
      <Field
        name="contactPhone"
        label="联系手机"
        error={errorFor('contactPhone')}
        hint={props.contactPhoneMasked ? `当前：${props.contactPhoneMasked}，留空则不修改` : '中国大陆手机号，如 13812345678'}
      >
        <input type="tel" inputMode="tel" autoComplete="tel" defaultValue={valueOf('contactPhone')} {...form.register('contactPhone')} {...fieldAttrs('contactPhone', errorFor('contactPhone'), true)} />
      </Field>
      <IndustryField label="所属行业" error={errorFor('industry')} defaultValue={valueOf('industry', props.industry ?? '')} registration={form.register('industry')} />
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '正在保存…' : '保存'}
      </button>
    </form>
  );
});
