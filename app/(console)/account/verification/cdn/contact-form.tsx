'use client';

import { useCallback } from 'react';
import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import type { CalendarDate } from '@/lib/domain/identity/calendar-date';
import { saveEnterpriseContactAction } from './actions';

/** 企业联系人姓名 / 身份证号 / 手机号 (R-OWN-5): the same rules as step 1 of the enterprise wizard. */
export const EnterpriseContactForm = enhancedForm(function EnterpriseContactForm(props: { today: CalendarDate; defaultName?: string | null; submitLabel: string }) {
  const loadSchema = useCallback(() => import('@/lib/schemas/enterprise-info').then((m) => m.enterpriseContactSchema(props.today)), [props.today]);
  const { formProps, pending, form, errorFor, initial, formError, state } = useActionForm(loadSchema, saveEnterpriseContactAction, {
    defaults: props.defaultName ? { contactName: props.defaultName } : {},
  });
  return (
    <form {...formProps}>
      <FormMessage error={formError} ok={state.status === 'ok' ? '企业联系人信息已保存' : undefined} />
      <Field name="contactName" label="企业联系人姓名" error={errorFor('contactName')}>
        <input type="text" autoComplete="name" maxLength={60} defaultValue={initial('contactName')} {...form.register('contactName')} {...fieldAttrs('contactName', errorFor('contactName'))} />
      </Field>
      <Field name="contactIdNumber" label="企业联系人身份证号" error={errorFor('contactIdNumber')} hint="仅支持18位中国大陆居民身份证">
        <input
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          defaultValue={initial('contactIdNumber')}
          {...form.register('contactIdNumber')}
          {...fieldAttrs('contactIdNumber', errorFor('contactIdNumber'), true)}
        />
      </Field>
      <Field name="contactMobile" label="企业联系人手机号" error={errorFor('contactMobile')} hint="中国大陆手机号码（+86）">
        <input type="tel" autoComplete="tel" maxLength={20} defaultValue={initial('contactMobile')} {...form.register('contactMobile')} {...fieldAttrs('contactMobile', errorFor('contactMobile'), true)} />
      </Field>
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '正在保存…' : props.submitLabel}
      </button>
    </form>
  );
});
