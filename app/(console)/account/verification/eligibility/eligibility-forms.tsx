'use client';

import { useCallback, useEffect } from 'react';
import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import type { CalendarDate } from '@/lib/domain/identity/calendar-date';
import { PERSONAL_DOCUMENT_TYPES } from '@/lib/domain/identity/personal-document-types';
import { LICENCE_TYPES } from '@/lib/domain/identity/licence-types';
import { identityMessages, numberPlaceholder } from '@/lib/messages/zh-CN/identity';
import { checkEnterpriseEligibilityAction, checkPersonEligibilityAction } from './actions';
import { EligibilityResult } from './eligibility-result';

/**
 * 认证前检查, person (SPEC §13): 证件类型 + 证件号码, checked here with the wizard's rules
 * and again on the server. After a check the number is cleared from the form: the result
 * shows it masked only (SPEC §9).
 */
export const PersonEligibilityForm = enhancedForm(function PersonEligibilityForm({ today }: { today: CalendarDate }) {
  const loadSchema = useCallback(() => import('@/lib/schemas/eligibility').then((m) => m.personEligibilitySchema(today)), [today]);
  const { formProps, state, pending, form, errorFor, valueOf, formError } = useActionForm(loadSchema, checkPersonEligibilityAction, {
    defaults: { documentType: 'resident_id' },
  });
  const documentType = (form.watch('documentType') as string) ?? 'resident_id';
  useEffect(() => {
    if (state.status === 'ok') form.setValue('documentNumber', '');
  }, [state, form]);

  return (
    <>
      <form {...formProps}>
        <FormMessage error={formError} />
        <Field name="documentType" label="证件类型" error={errorFor('documentType')}>
          <select defaultValue={valueOf('documentType', 'resident_id')} {...form.register('documentType')} {...fieldAttrs('documentType', errorFor('documentType'))}>
            {PERSONAL_DOCUMENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {identityMessages[`identity.documentType.${t}`]}
              </option>
            ))}
          </select>
        </Field>
        <Field name="documentNumber" label="证件号码" error={errorFor('documentNumber')} hint="仅用于本次检查，不会保存">
          <input
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            placeholder={numberPlaceholder(documentType)}
            defaultValue={valueOf('documentNumber')}
            {...form.register('documentNumber')}
            {...fieldAttrs('documentNumber', errorFor('documentNumber'), true)}
          />
        </Field>
        <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? '正在检查…' : '检查'}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {state.status === 'ok' ? <EligibilityResult result={state.data} /> : null}
      </div>
    </>
  );
});

/** 认证前检查, enterprise: 证照类型, 企业名称, 社会信用代码/其他组织机构代码 (the code cleared after a check). */
export const EnterpriseEligibilityForm = enhancedForm(function EnterpriseEligibilityForm() {
  const { formProps, state, pending, form, errorFor, valueOf, formError } = useActionForm(() => import('@/lib/schemas/eligibility').then((m) => m.enterpriseEligibilitySchema), checkEnterpriseEligibilityAction, {
    defaults: { licenceType: 'business_licence' },
  });
  useEffect(() => {
    if (state.status === 'ok') form.setValue('code', '');
  }, [state, form]);
  const result = state.status === 'ok' ? state.data : null;

  return (
    <>
      <form {...formProps}>
        <FormMessage error={formError} />
        <Field
          name="licenceType"
          label="证照类型"
          error={errorFor('licenceType')}
          hint="非营业执照：事业单位、社会团体、民办非企业单位、学校、政府机关等非企业组织的登记证书、执业许可证，以及非企业组织的三证合一证书"
        >
          <select defaultValue={valueOf('licenceType', 'business_licence')} {...form.register('licenceType')} {...fieldAttrs('licenceType', errorFor('licenceType'), true)}>
            {LICENCE_TYPES.map((t) => (
              <option key={t} value={t}>
                {identityMessages[`identity.licenceType.${t}`]}
              </option>
            ))}
          </select>
        </Field>
        <Field name="enterpriseName" label="企业名称" error={errorFor('enterpriseName')} hint="请严格按照营业执照企业名称填写">
          <input
            type="text"
            maxLength={100}
            defaultValue={valueOf('enterpriseName', result?.enterpriseName ?? '')}
            {...form.register('enterpriseName')}
            {...fieldAttrs('enterpriseName', errorFor('enterpriseName'), true)}
          />
        </Field>
        <Field name="code" label="社会信用代码/其他组织机构代码" error={errorFor('code')} hint="18位统一社会信用代码、15位工商注册号或9位组织机构代码；仅用于本次检查，不会保存">
          <input
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            defaultValue={valueOf('code')}
            {...form.register('code')}
            {...fieldAttrs('code', errorFor('code'), true)}
          />
        </Field>
        <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? '正在检查…' : '检查'}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {result ? <EligibilityResult result={result} /> : null}
      </div>
    </>
  );
});
