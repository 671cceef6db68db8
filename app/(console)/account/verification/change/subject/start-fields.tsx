'use client';

import { useCallback } from 'react';
import { AddressFields } from '@/app/_components/address-fields';
import { ConsentField } from '@/app/_components/consent-field';
import { Field, fieldAttrs, FormMessage, RESIDENT_ID_INPUT } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import type { CalendarDate } from '@/lib/domain/identity/calendar-date';
import { startEnterpriseSubjectChangeAction } from './actions';

const FIELD_ORDER = ['legalRepName', 'legalRepIdNumber', 'enterpriseName', 'code', 'province', 'city', 'district', 'addressDetail', 'consent'] as const;

/**
 * 变更企业主体（A企业变成B企业）(R-CHG-E1), 开始修改: the old legal rep, the new enterprise's
 * 企业名称, 社会信用代码 and 通讯地址, and 《实名认证主体变更协议》. Every rule checked here
 * first and again on the server; works without JS (the address cascade after a round trip).
 */
export const SubjectChangeStartFields = enhancedForm(function SubjectChangeStartFields({ today }: { today: CalendarDate }) {
  const loadSchema = useCallback(() => import('@/lib/schemas/enterprise-subject-change').then((m) => m.enterpriseSubjectChangeSchema(today)), [today]);
  const { formProps, pending, form, errorFor, initial, choices, formError } = useActionForm(loadSchema, startEnterpriseSubjectChangeAction);
  // react-hook-form focuses the first invalid field in registration order: register in the page's order.
  for (const name of FIELD_ORDER) form.register(name);
  const text = (name: (typeof FIELD_ORDER)[number], label: string, props: { hint?: string; maxLength: number; autoComplete?: string; placeholder?: string }) => (
    <Field name={name} label={label} error={errorFor(name)} hint={props.hint}>
      <input
        type="text"
        autoComplete={props.autoComplete ?? 'off'}
        spellCheck={false}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        defaultValue={initial(name)}
        {...form.register(name)}
        {...fieldAttrs(name, errorFor(name), Boolean(props.hint))}
      />
    </Field>
  );
  return (
    <form {...formProps}>
      <FormMessage error={formError} />
      <fieldset>
        <legend>变更前企业法人信息</legend>
        {text('legalRepName', '变更前企业法人姓名', { maxLength: 60, hint: '当前认证企业的法定代表人，将通过人脸识别核验本人身份' })}
        {text('legalRepIdNumber', '变更前企业法人身份证号', { maxLength: RESIDENT_ID_INPUT.maxLength, placeholder: RESIDENT_ID_INPUT.placeholder })}
      </fieldset>
      <fieldset>
        <legend>变更后企业信息</legend>
        {text('enterpriseName', '企业名称', { maxLength: 100, autoComplete: 'organization', hint: '请严格按照新企业营业执照上的企业名称填写' })}
        {text('code', '社会信用代码', { maxLength: 40, hint: '18 位统一社会信用代码、15 位工商注册号或 9 位组织机构代码' })}
        <AddressFields form={form} errorFor={errorFor} initial={initial} choices={choices} submitLabel="开始修改" />
      </fieldset>
      <ConsentField purpose="subject_change" error={errorFor('consent')} inputProps={form.register('consent')} />
      <p className="muted">提交后请由变更前企业法人完成人脸识别；变更申请自提交起 7 天内有效，逾期自动失效。</p>
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '正在提交…' : '开始修改'}
      </button>
    </form>
  );
});
