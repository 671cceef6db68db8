'use client';

import { useSyncExternalStore } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { Field, fieldAttrs } from '@/app/_components/field';
import { BANK_NAMES } from '@/lib/messages/zh-CN/banks';
import type { DivisionOption } from '@/lib/geo/divisions';

const noopSubscribe = () => () => {};

/** A province and its cities (lib/geo/divisions citiesByProvince, passed by the page). */
export type CityGroup = DivisionOption & { cities: DivisionOption[] };

/**
 * The bank part of the payout form (R-E-PAY 1): 企业银行卡账号, 开户银行 from the bank
 * list, 银行所在地 as a 省份 → 城市 cascade, 开户支行名. Without JS
 * the city list holds every city grouped by province (one post is enough); with JS it
 * follows the province chosen. The page passes the cities (`cityGroups`, ~3 KB gzipped,
 * no districts) as data: the division package stays out of the page's scripts (ADR 0025).
 */
export function BankFields({
  form,
  errorFor,
  initial,
  cityGroups,
}: {
  form: UseFormReturn<FieldValues>;
  errorFor: (name: string) => string | undefined;
  initial: (name: string) => string;
  cityGroups: CityGroup[];
}) {
  const hydrated = useSyncExternalStore(noopSubscribe, () => true, () => false);
  const province = (form.watch('bankProvince') as string | undefined) ?? initial('bankProvince');
  const citiesOf = (code: string) => cityGroups.find((g) => g.code === code)?.cities ?? [];
  const groups = hydrated ? (province ? [{ code: province, name: '', cities: citiesOf(province) }] : []) : cityGroups;
  return (
    <>
      <Field name="bankAccount" label="企业银行卡账号" error={errorFor('bankAccount')} hint="企业对公银行账户账号，8–30 位数字；户名须与企业名称一致">
        <input type="text" inputMode="numeric" autoComplete="off" spellCheck={false} maxLength={40} defaultValue={initial('bankAccount')} {...form.register('bankAccount')} {...fieldAttrs('bankAccount', errorFor('bankAccount'), true)} />
      </Field>
      <Field name="bankName" label="开户银行" error={errorFor('bankName')}>
        <select defaultValue={initial('bankName')} {...form.register('bankName')} {...fieldAttrs('bankName', errorFor('bankName'))}>
          <option value="">请选择开户银行</option>
          {BANK_NAMES.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="address">
        <legend>银行所在地</legend>
        <div className="address-row">
          <Field name="bankProvince" label="省份" error={errorFor('bankProvince')}>
            <select defaultValue={initial('bankProvince')} {...form.register('bankProvince', { onChange: () => form.setValue('bankCity', '') })} {...fieldAttrs('bankProvince', errorFor('bankProvince'))}>
              <option value="">请选择省份</option>
              {cityGroups.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          <Field name="bankCity" label="城市" error={errorFor('bankCity')}>
            <select defaultValue={initial('bankCity')} {...form.register('bankCity')} {...fieldAttrs('bankCity', errorFor('bankCity'))}>
              <option value="">{hydrated && !province ? '请先选择省份' : '请选择城市'}</option>
              {groups.map((g) =>
                g.name ? (
                  <optgroup key={g.code} label={g.name}>
                    {g.cities.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.name}
                      </option>
                    ))}
                  </optgroup>
                ) : (
                  g.cities.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))
                ),
              )}
            </select>
          </Field>
        </div>
      </fieldset>
      <Field name="bankBranch" label="开户支行名" error={errorFor('bankBranch')} hint="如：招商银行股份有限公司上海分行营业部">
        <input type="text" autoComplete="off" maxLength={60} defaultValue={initial('bankBranch')} {...form.register('bankBranch')} {...fieldAttrs('bankBranch', errorFor('bankBranch'), true)} />
      </Field>
    </>
  );
}
