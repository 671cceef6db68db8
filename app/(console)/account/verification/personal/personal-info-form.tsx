'use client';

import { useMemo } from 'react';
import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import type { CalendarDate } from '@/lib/domain/identity/calendar-date';
import { PERSONAL_DOCUMENT_LABEL, PERSONAL_DOCUMENT_TYPES } from '@/lib/domain/identity/document-types';
import { INDUSTRIES } from '@/lib/domain/industries';
import { childrenOf, provinces } from '@/lib/geo/divisions';
import { personalInfoSchema } from '@/lib/schemas/personal-info';
import { submitPersonalInfoAction } from './actions';

const NUMBER_PLACEHOLDER: Record<string, string> = {
  resident_id: '请填写18位二代身份证号码',
  hk_macau_permit: '请填写 H 或 M 开头的通行证号码',
  taiwan_permit: '请填写 8 位或 10 位通行证号码',
};

/** Step 1 填写基本信息 (SPEC §4.1): every rule checked here first and again on the server. */
export function PersonalInfoForm({ today, defaults }: { today: CalendarDate; defaults: Record<string, string> }) {
  const schema = useMemo(() => personalInfoSchema(today), [today]);
  const { formAction, onSubmit, pending, form, errorFor, initial, formError } = useActionForm(schema, submitPersonalInfoAction, {
    defaults: { documentType: 'resident_id', ...defaults },
  });
  const documentType = form.watch('documentType') as string;
  const province = form.watch('province') as string | undefined;
  const city = form.watch('city') as string | undefined;
  const cities = province ? childrenOf(province) : [];
  const districts = city ? childrenOf(city) : [];
  const residentId = documentType === 'resident_id';

  // Registered where they render: react-hook-form focuses the first invalid field in registration order.
  const resetBelowProvince = () => {
    form.setValue('city', '');
    form.setValue('district', '');
  };
  const resetBelowCity = () => form.setValue('district', '');

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-describedby="step1-help">
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
              {PERSONAL_DOCUMENT_LABEL[t]}
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
          placeholder={NUMBER_PLACEHOLDER[documentType] ?? NUMBER_PLACEHOLDER.resident_id}
          defaultValue={initial('documentNumber')} {...form.register('documentNumber')}
          {...fieldAttrs('documentNumber', errorFor('documentNumber'))}
        />
      </Field>
      {residentId ? (
        <Field name="industry" label="行业信息" error={errorFor('industry')}>
          <select defaultValue={initial('industry')} {...form.register('industry')} {...fieldAttrs('industry', errorFor('industry'))}>
            <option value="">请选择行业</option>
            {INDUSTRIES.map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <fieldset className="address">
        <legend>通讯地址</legend>
        <div className="address-row">
          <Field name="province" label="省份" error={errorFor('province')}>
            <select defaultValue={initial('province')} {...form.register('province', { onChange: resetBelowProvince })} {...fieldAttrs('province', errorFor('province'))}>
              <option value="">请选择省份</option>
              {provinces().map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          <Field name="city" label="城市" error={errorFor('city')}>
            <select defaultValue={initial('city')} {...form.register('city', { onChange: resetBelowCity })} {...fieldAttrs('city', errorFor('city'))}>
              <option value="">{province ? '请选择城市' : '请先选择省份'}</option>
              {cities.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          <Field name="district" label="区县" error={errorFor('district')}>
            <select defaultValue={initial('district')} {...form.register('district')} {...fieldAttrs('district', errorFor('district'))}>
              <option value="">{city ? '请选择区县' : '请先选择城市'}</option>
              {districts.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <noscript>
          <p className="hint">未启用 JavaScript：选择省份（或城市）后点击“下一步”，页面会列出下一级地区。</p>
        </noscript>
        <Field name="addressDetail" label="详细地址" error={errorFor('addressDetail')}>
          <input type="text" autoComplete="street-address" maxLength={120} defaultValue={initial('addressDetail')} {...form.register('addressDetail')} {...fieldAttrs('addressDetail', errorFor('addressDetail'))} />
        </Field>
      </fieldset>
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '正在提交…' : '下一步'}
      </button>
    </form>
  );
}
