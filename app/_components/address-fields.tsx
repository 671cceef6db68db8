'use client';

import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { childrenOf, provinces } from '@/lib/geo/divisions';
import { Field, fieldAttrs } from './field';

/**
 * 通讯地址 (SPEC §4.1, §5.1): 省份 → 城市 → 区县 from the administrative-division package,
 * plus 详细地址. Fields `province`, `city`, `district`, `addressDetail` of a form driven by
 * useActionForm. Without JS the next level is listed after a round trip: the server's
 * answer to the submit re-renders the form with the chosen province's cities.
 */
export function AddressFields({
  form,
  errorFor,
  initial,
  submitLabel = '下一步',
}: {
  form: UseFormReturn<FieldValues>;
  errorFor: (name: string) => string | undefined;
  initial: (name: string) => string;
  submitLabel?: string;
}) {
  const province = form.watch('province') as string | undefined;
  const city = form.watch('city') as string | undefined;
  const cities = province ? childrenOf(province) : [];
  const districts = city ? childrenOf(city) : [];
  const resetBelowProvince = () => {
    form.setValue('city', '');
    form.setValue('district', '');
  };
  const resetBelowCity = () => form.setValue('district', '');

  // Registered where they render: react-hook-form focuses the first invalid field in registration order.
  return (
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
