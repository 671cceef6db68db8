import type { UseFormRegisterReturn } from 'react-hook-form';
import { INDUSTRY_NAMES, industriesMessages } from '@/lib/messages/zh-CN/industries';
import { Field, fieldAttrs } from './field';

/** The fixed industry list as a labelled <select> named `industry` (账号信息 所属行业, personal 行业信息). */
export function IndustryField({ label, error, defaultValue, registration }: { label: string; error?: string; defaultValue: string; registration: UseFormRegisterReturn }) {
  return (
    <Field name="industry" label={label} error={error}>
      <select defaultValue={defaultValue} {...registration} {...fieldAttrs('industry', error)}>
        <option value="">{industriesMessages['industry.choose']}</option>
        {INDUSTRY_NAMES.map((i) => (
          <option key={i} value={i}>
            {i}
          </option>
        ))}
      </select>
    </Field>
  );
}
