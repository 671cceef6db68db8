'use client';

import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import { checkIcpSubjectAction } from './actions';

export const IcpCheckForm = enhancedForm(function IcpCheckForm() {
  const { formProps, pending, form, errorFor, valueOf, formError, state } = useActionForm(() => import('@/lib/schemas/icp-check').then((m) => m.icpCheckSchema), checkIcpSubjectAction);
  const result = state.status === 'ok' ? state.data : null;
  return (
    <>
      <form {...formProps}>
        <FormMessage error={formError} />
        <Field name="filingName" label="备案主体名称" error={errorFor('filingName')} hint="请按备案材料原样填写，包括括号和空格">
          <input
            type="text"
            maxLength={200}
            defaultValue={valueOf('filingName', result?.filingName ?? '')}
            {...form.register('filingName')}
            {...fieldAttrs('filingName', errorFor('filingName'), true)}
          />
        </Field>
        <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? '正在核验…' : '核验'}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {result ? (
          <p className={`check-result ${result.match ? 'match' : 'mismatch'}`}>
            <strong>{result.match ? '一致' : '不一致'}</strong> {result.message.replace(/^(一致|不一致)：/, '')}
          </p>
        ) : null}
      </div>
    </>
  );
});
