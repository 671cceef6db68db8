'use client';

import { useCallback } from 'react';
import { ConsentField } from '@/app/_components/consent-field';
import { Field, fieldAttrs, FormMessage, RESIDENT_ID_INPUT } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import type { CalendarDate } from '@/lib/domain/identity/calendar-date';
import type { LegalRepMethod } from '@/lib/domain/verification/enterprise-methods';
import { chooseEnterpriseMethodAction } from './actions';

const OWN_FIELDS = ['legalRepName', 'legalRepIdNumber', 'consent'];

/**
 * R-E-LRWX / R-E-LRFACE: 企业法人姓名 + 企业法人身份证号 (mainland ID only), then the
 * legal rep's WeChat scan or face session. The registry is asked first: a person it
 * does not list as legal representative fails the attempt before anyone scans.
 */
export const LegalRepForm = enhancedForm(function LegalRepForm(props: { verificationId: string; method: LegalRepMethod; today: CalendarDate; defaults: Record<string, string>; submitLabel: string }) {
  const loadSchema = useCallback(() => import('@/lib/schemas/enterprise-info').then((m) => m.enterpriseMethodSchema(props.today)), [props.today]);
  const { formProps, pending, form, errorFor, initial, formError, state } = useActionForm(loadSchema, chooseEnterpriseMethodAction, {
    defaults: { verificationId: props.verificationId, method: props.method, ...props.defaults },
  });
  // An error about something outside this form (the registry re-checked the enterprise, a limit) is said above it.
  const stray = state.status === 'error' && Object.keys(state.fieldErrors).some((k) => !OWN_FIELDS.includes(k)) ? state.message : undefined;
  return (
    <form {...formProps}>
      <FormMessage error={formError ?? stray} />
      <input type="hidden" {...form.register('verificationId')} defaultValue={props.verificationId} />
      <input type="hidden" {...form.register('method')} defaultValue={props.method} />
      <Field name="legalRepName" label="企业法人姓名" error={errorFor('legalRepName')} hint="请填写营业执照上的法定代表人姓名">
        <input type="text" autoComplete="off" maxLength={60} defaultValue={initial('legalRepName')} {...form.register('legalRepName')} {...fieldAttrs('legalRepName', errorFor('legalRepName'), true)} />
      </Field>
      <Field name="legalRepIdNumber" label="企业法人身份证号" error={errorFor('legalRepIdNumber')} hint="仅支持中国大陆居民身份证；港澳台及外籍法定代表人请选择其他认证方式">
        <input
          {...RESIDENT_ID_INPUT}
          defaultValue={initial('legalRepIdNumber')}
          {...form.register('legalRepIdNumber')}
          {...fieldAttrs('legalRepIdNumber', errorFor('legalRepIdNumber'), true)}
        />
      </Field>
      {props.method === 'legal_rep_face' ? <ConsentField purpose="face" error={errorFor('consent')} inputProps={form.register('consent')} /> : null}
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '正在生成…' : props.submitLabel}
      </button>
    </form>
  );
});
