'use client';

import { useCallback } from 'react';
import { AddressFields } from '@/app/_components/address-fields';
import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { IndustryField } from '@/app/_components/industry-field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import type { Choices } from '@/lib/action';
import type { CalendarDate } from '@/lib/domain/identity/calendar-date';
import { PERSONAL_DOCUMENT_TYPES } from '@/lib/domain/identity/personal-document-types';
import { identityMessages, numberPlaceholder } from '@/lib/messages/zh-CN/identity';
import { submitPersonalInfoAction } from './actions';

/** Step 1 填写基本信息 (SPEC §4.1): every rule checked here first and again on the server. */
export const PersonalInfoForm = enhancedForm(function PersonalInfoForm({ today, defaults, addressChoices }: { today: CalendarDate; defaults: Record<string, string>; addressChoices: Choices }) {
  const loadSchema = useCallback(() => import('@/lib/schemas/personal-info').then((m) => m.personalInfoSchema(today)), [today]);
  const { formProps, pending, form, errorFor, initial, choices, formError } = useActionForm(loadSchema, submitPersonalInfoAction, {
    defaults: { documentType: 'resident_id', ...defaults },
    choices: addressChoices,
  });
  const documentType = form.watch('documentType') as string;
  const residentId = documentType === 'resident_id';

  return (
    <form {...formProps} aria-describedby="step1-help">
      <FormMessage error={formError} />
      <p id="step1-help" className="muted">
        以下信息均为必填，请按证件上的信息如实填写。
      </p>
      <Field name="region" label="认证地区" hint="非中国大陆用户请前往国际站完成认证">
        <input id="region" value="中国大陆" readOnly aria-describedby="region-hint" />
      </Field>
      <Field name="realName" label="真实姓名" error={errorFor('realName')} hint="请填写证件上的姓名">
        <input type="text" autoComplete="name" maxLength={60} defaultValue={initial('realName')} {...form.register('realName')} {...fieldAttrs('realName', errorFor('realName'), true)} />
      </Field>
      <Field name="documentType" label="证件类型" error={errorFor('documentType')}>
        <select defaultValue={initial('documentType')} {...form.register('documentType')} {...fieldAttrs('documentType', errorFor('documentType'))}>
          {PERSONAL_DOCUMENT_TYPES.map((t) => (
            <option key={t} value={t}>
              {identityMessages[`identity.documentType.${t}`]}
            </option>
          ))}
        </select>
      </Field>
      <Field name="documentNumber" label="证件证号" error={errorFor('documentNumber')}>
        <input
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          placeholder={numberPlaceholder(documentType)}
          defaultValue={initial('documentNumber')} {...form.register('documentNumber')}
          {...fieldAttrs('documentNumber', errorFor('documentNumber'))}
        />
      </Field>
      {residentId ? <IndustryField label="行业信息" error={errorFor('industry')} defaultValue={initial('industry')} registration={form.register('industry')} /> : null}
      <AddressFields form={form} errorFor={errorFor} initial={initial} choices={choices} />
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '正在提交…' : '下一步'}
      </button>
    </form>
  );
});
