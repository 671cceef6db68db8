'use client';

import { type FormEvent, startTransition, useCallback, useState } from 'react';
import { AddressFields } from '@/app/_components/address-fields';
import { Field, fieldAttrs, FormMessage, RESIDENT_ID_INPUT } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import type { Choices } from '@/lib/action';
import type { CalendarDate } from '@/lib/domain/identity/calendar-date';
import { LICENCE_TYPES } from '@/lib/domain/identity/licence-types';
import { identityMessages } from '@/lib/messages/zh-CN/identity';
import { submitEnterpriseInfoAction } from './actions';
import { LicenceField, type LicenceStatus } from './licence-field';
import { LICENCE_FIELD, RECOGNITION_FIELD } from './form-fields';

const FIELD_ORDER = [
  'licenceType',
  'licenceUploadId',
  'enterpriseName',
  'code',
  'province',
  'city',
  'district',
  'addressDetail',
  'contactName',
  'contactIdNumber',
  'contactMobile',
] as const;

/**
 * Step 1 填写基本信息 of the enterprise wizard (SPEC §5.1): every rule checked here first
 * and again on the server. The licence is uploaded and recognised as soon as it is
 * chosen (JS) or with 上传并识别 (no JS); 下一步 submits everything.
 */
export const EnterpriseInfoForm = enhancedForm(function EnterpriseInfoForm({ today, defaults, addressChoices }: { today: CalendarDate; defaults: Record<string, string>; addressChoices: Choices }) {
  const loadSchema = useCallback(() => import('@/lib/schemas/enterprise-info').then((m) => m.enterpriseInfoSchema(today)), [today]);
  const { formProps, formAction, pending, form, errorFor, initial, valueOf, choices, formError } = useActionForm(loadSchema, submitEnterpriseInfoAction, {
    defaults: { licenceType: 'business_licence', licenceUploadId: '', ...defaults },
    choices: addressChoices,
  });
  const [jsStatus, setJsStatus] = useState<LicenceStatus | null>(null);
  // react-hook-form focuses the first invalid field in registration order: register in the page's order
  // (the licence and the address cascade are child components, which would register after this form's inputs).
  for (const name of FIELD_ORDER) form.register(name);

  const licenceType = (form.watch('licenceType') as string) ?? 'business_licence';
  // Without JS, 上传并识别 came back with the licence stored: say whether it was read.
  const recognition = valueOf(RECOGNITION_FIELD);
  const noJsStatus: LicenceStatus | null = recognition === 'recognised' || recognition === 'unrecognised' || recognition === 'failed' ? { kind: recognition } : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const element = event.currentTarget;
    void form.handleSubmit(() => {
      const data = new FormData(element);
      // With JS the licence went up when it was chosen: its id is in the form, the file need not travel again.
      if (data.get('licenceUploadId')) data.delete(LICENCE_FIELD);
      startTransition(() => formAction(data));
    })(event);
  }

  const busy = pending || jsStatus?.kind === 'uploading';
  const field = (name: string, label: string, input: React.ReactNode, hint?: string) => (
    <Field name={name} label={label} error={errorFor(name)} hint={hint}>
      {input}
    </Field>
  );

  return (
    <form {...formProps} onSubmit={onSubmit} aria-describedby="step1-help">
      <FormMessage error={formError || undefined} />
      <p id="step1-help" className="muted">
        以下信息均为必填，请按营业执照（或组织证照）上的信息如实填写。
      </p>
      <Field name="region" label="认证地区" hint="仅支持中国大陆企业及组织，其他地区请前往国际站完成认证">
        <input id="region" value="中国大陆" readOnly aria-describedby="region-hint" />
      </Field>
      <Field
        name="licenceType"
        label="证照类型"
        error={errorFor('licenceType')}
        hint="非营业执照：事业单位、社会团体、民办非企业单位、学校、政府机关等非企业组织的登记证书、执业许可证，以及非企业组织的三证合一证书"
      >
        <select defaultValue={initial('licenceType')} {...form.register('licenceType')} {...fieldAttrs('licenceType', errorFor('licenceType'), true)}>
          {LICENCE_TYPES.map((t) => (
            <option key={t} value={t}>
              {identityMessages[`identity.licenceType.${t}`]}
            </option>
          ))}
        </select>
      </Field>
      <LicenceField
        form={form}
        licenceType={licenceType}
        error={errorFor(LICENCE_FIELD) ?? errorFor('licenceUploadId')}
        status={jsStatus ?? noJsStatus}
        onStatus={setJsStatus}
      />
      {field(
        'enterpriseName',
        '企业名称',
        <input
          type="text"
          autoComplete="organization"
          maxLength={100}
          defaultValue={initial('enterpriseName')}
          {...form.register('enterpriseName')}
          {...fieldAttrs('enterpriseName', errorFor('enterpriseName'), true)}
        />,
        '请严格按照营业执照企业名称填写',
      )}
      {field(
        'code',
        '社会信用代码/其他组织机构代码',
        <input
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          defaultValue={initial('code')}
          {...form.register('code')}
          {...fieldAttrs('code', errorFor('code'), true)}
        />,
        '18 位统一社会信用代码、15 位工商注册号或 9 位组织机构代码',
      )}
      <AddressFields form={form} errorFor={errorFor} initial={initial} choices={choices} />
      {field(
        'contactName',
        '企业联系人姓名',
        <input type="text" autoComplete="name" maxLength={60} defaultValue={initial('contactName')} {...form.register('contactName')} {...fieldAttrs('contactName', errorFor('contactName'))} />,
      )}
      {field(
        'contactIdNumber',
        '企业联系人身份证号',
        <input
          {...RESIDENT_ID_INPUT}
          defaultValue={initial('contactIdNumber')}
          {...form.register('contactIdNumber')}
          {...fieldAttrs('contactIdNumber', errorFor('contactIdNumber'))}
        />,
      )}
      {field(
        'contactMobile',
        '企业联系人手机号',
        <input
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={20}
          placeholder="中国大陆手机号，如 13812345678"
          defaultValue={initial('contactMobile')}
          {...form.register('contactMobile')}
          {...fieldAttrs('contactMobile', errorFor('contactMobile'))}
        />,
      )}
      <button className="button" type="submit" disabled={busy} aria-disabled={busy}>
        {pending ? '正在提交…' : '下一步'}
      </button>
    </form>
  );
});
