'use client';

import { useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { Choices } from '@/lib/action';
import type { DivisionOption } from '@/lib/geo/divisions';
import { PROVINCES } from '@/lib/geo/provinces';
import { Field, fieldAttrs } from './field';

type ChildrenOf = (code: string) => DivisionOption[];

/**
 * 通讯地址 (SPEC §4.1, §5.1): 省份 → 城市 → 区县 from the administrative-division package,
 * plus 详细地址. Fields `province`, `city`, `district`, `addressDetail` of a form driven by
 * useActionForm. The province list is in the page; the cities and districts are not
 * (ADR 0025): the lists for what the form shows at first come from the server (`choices`:
 * the page's for its defaults, the action's after an error), and the division data is
 * imported when the fields are first used. Without JS the next level is listed after a
 * round trip: the server's answer to the submit re-renders the form with the chosen
 * province's cities.
 */
export function AddressFields({
  form,
  errorFor,
  initial,
  choices,
  submitLabel = '下一步',
}: {
  form: UseFormReturn<FieldValues>;
  errorFor: (name: string) => string | undefined;
  initial: (name: string) => string;
  choices: (name: string) => Choices[string];
  submitLabel?: string;
}) {
  const [childrenOf, setChildrenOf] = useState<ChildrenOf | null>(null);
  const loading = useRef<Promise<unknown> | null>(null);
  const load = () => {
    loading.current ??= import('@/lib/geo/divisions').then(
      (m) => setChildrenOf(() => m.childrenOf),
      () => (loading.current = null), // a failed load is tried again on the next use
    );
  };
  const province = form.watch('province') as string | undefined;
  const city = form.watch('city') as string | undefined;
  // Until the data is here, only the lists the server sent for the initial choice are known.
  const listOf = (level: 'city' | 'district', parent: string | undefined, initialParent: string) =>
    !parent ? [] : childrenOf ? childrenOf(parent) : parent === initialParent ? choices(level) : null;
  const cities = listOf('city', province, initial('province'));
  const districts = listOf('district', city, initial('city'));
  const resetBelowProvince = () => {
    load();
    form.setValue('city', '');
    form.setValue('district', '');
  };
  const resetBelowCity = () => {
    load();
    form.setValue('district', '');
  };

  // Registered where they render: react-hook-form focuses the first invalid field in registration order.
  return (
    <fieldset className="address" onFocus={load}>
      <legend>通讯地址</legend>
      <div className="address-row">
        <Field name="province" label="省份" error={errorFor('province')}>
          <select defaultValue={initial('province')} {...form.register('province', { onChange: resetBelowProvince })} {...fieldAttrs('province', errorFor('province'))}>
            <option value="">请选择省份</option>
            {PROVINCES.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field name="city" label="城市" error={errorFor('city')}>
          <select defaultValue={initial('city')} {...form.register('city', { onChange: resetBelowCity })} {...fieldAttrs('city', errorFor('city'))}>
            <option value="">{cities === null ? '正在加载城市…' : province ? '请选择城市' : '请先选择省份'}</option>
            {(cities ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field name="district" label="区县" error={errorFor('district')}>
          <select defaultValue={initial('district')} {...form.register('district')} {...fieldAttrs('district', errorFor('district'))}>
            <option value="">{districts === null ? '正在加载区县…' : city ? '请选择区县' : '请先选择城市'}</option>
            {(districts ?? []).map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <noscript>
        <p className="hint">未启用 JavaScript：选择省份（或城市）后点击“{submitLabel}”，页面会列出下一级地区。</p>
      </noscript>
      <Field name="addressDetail" label="详细地址" error={errorFor('addressDetail')}>
        <input
          type="text"
          autoComplete="street-address"
          maxLength={120}
          defaultValue={initial('addressDetail')}
          {...form.register('addressDetail')}
          {...fieldAttrs('addressDetail', errorFor('addressDetail'))}
        />
      </Field>
    </fieldset>
  );
}
