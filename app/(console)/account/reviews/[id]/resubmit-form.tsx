'use client';

import { useCallback } from 'react';
import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import { DOCUMENT_ACCEPT, IMAGE_ACCEPT } from '@/lib/schemas/upload-fields';
import { resubmitReviewAction } from './actions';

export interface FixItem {
  key: string;
  field: string;
  label: string;
  kind: 'text' | 'masked' | 'file';
  current: string;
  allowPdf: boolean;
  reasons: { label: string; hint: string }[];
}

/**
 * The rejected items, each with its reasons and fix hints, and a field to replace it.
 * Items left empty stay as they were; at least one must change (SPEC §13).
 */
export const ResubmitForm = enhancedForm(function ResubmitForm({ caseId, round, items }: { caseId: string; round: number; items: FixItem[] }) {
  const loadSchema = useCallback(() => import('@/lib/schemas/review').then((m) => m.resubmitSchema(items.map((i) => ({ field: i.field, kind: i.kind, allowPdf: i.allowPdf })))), [items]);
  const { formProps, form, errorFor, initial, formError, pending } = useActionForm(loadSchema, resubmitReviewAction);
  const overall = errorFor('_form') ?? formError;
  return (
    <form {...formProps} encType="multipart/form-data" aria-labelledby="fix-title">
      <h2 id="fix-title">需要修改的材料</h2>
      <p>以下材料未通过审核，请按提示修改后重新提交；未列出的材料无需修改。</p>
      <FormMessage error={overall} />
      <input type="hidden" value={caseId} {...form.register('caseId', { value: caseId })} />
      <input type="hidden" value={round} {...form.register('round', { value: String(round) })} />
      <ul className="fix-list">
        {items.map((item) => (
          <li className="fix-item" key={item.key}>
            <h3>{item.label}</h3>
            <ul aria-label={`${item.label}的驳回原因`}>
              {item.reasons.map((r) => (
                <li key={r.label}>
                  <strong>{r.label}</strong>：{r.hint}
                </li>
              ))}
            </ul>
            {item.kind === 'file' ? (
              <Field
                name={item.field}
                label={`重新上传${item.label}`}
                error={errorFor(item.field)}
                hint={`${item.allowPdf ? 'JPG、PNG 或 PDF' : 'JPG 或 PNG'} 格式，大小不超过 5 MB（当前：${item.current}）`}
              >
                <input type="file" accept={item.allowPdf ? DOCUMENT_ACCEPT : IMAGE_ACCEPT} {...form.register(item.field)} {...fieldAttrs(item.field, errorFor(item.field), true)} />
              </Field>
            ) : (
              <Field name={item.field} label={`修改${item.label}`} error={errorFor(item.field)} hint={`当前填写：${item.current}`}>
                <input type="text" autoComplete="off" maxLength={100} defaultValue={initial(item.field)} {...form.register(item.field)} {...fieldAttrs(item.field, errorFor(item.field), true)} />
              </Field>
            )}
          </li>
        ))}
      </ul>
      <button className="button" type="submit" disabled={pending}>
        {pending ? '正在提交…' : '重新提交'}
      </button>
    </form>
  );
});
