'use client';

import { useSyncExternalStore } from 'react';
import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import { LEGAL_REP_DOCUMENT_LABEL, LEGAL_REP_DOCUMENTS, PROOF_FIELDS, proofKeysFor, type LegalRepDocument, type ProofField } from '@/lib/schemas/enterprise-subject-change-fields';
import { DOCUMENT_ACCEPT, IMAGE_ACCEPT } from '@/lib/schemas/upload-fields';
import { submitSubjectChangeProofsAction } from './actions';

/**
 * R-CHG-E1, the proofs: 变更申请表, 原营业执照或注销证明, and 法人手持身份证 both sides — or
 * 法人护照或驾驶证 for a non-mainland legal rep (a choice here). PDF/JPG/PNG ≤ 5 MB (the
 * held-ID photos JPG/PNG). The files travel with the form (JS or not); once stored, their
 * ids come back in hidden fields so that an error elsewhere does not ask for them again.
 * Without JS both documents' fields are shown, and only the chosen one's are used.
 */
const noopSubscribe = () => () => {};

export const SubjectChangeProofsForm = enhancedForm(function SubjectChangeProofsForm({ changeId }: { changeId: string }) {
  // false on the server and without JS: then every field is shown.
  const hydrated = useSyncExternalStore(noopSubscribe, () => true, () => false);
  const { formProps, pending, form, errorFor, valueOf, formError } = useActionForm(() => import('@/lib/schemas/enterprise-subject-change').then((m) => m.subjectChangeProofsFormSchema), submitSubjectChangeProofsAction, {
    defaults: { changeId, legalRepDocument: 'id_card' },
  });
  const chosen = ((form.watch('legalRepDocument') as string | undefined) ?? valueOf('legalRepDocument', 'id_card')) as LegalRepDocument;
  const shown = new Set(proofKeysFor(chosen));
  const initialDocument = valueOf('legalRepDocument', 'id_card');
  return (
    <form {...formProps} encType="multipart/form-data">
      <FormMessage error={formError} />
      <input type="hidden" {...form.register('changeId')} defaultValue={changeId} />
      <fieldset className="field">
        <legend>法人证件类型</legend>
        {LEGAL_REP_DOCUMENTS.map((d) => (
          <label key={d} className="radio">
            <input type="radio" value={d} defaultChecked={initialDocument === d} {...form.register('legalRepDocument')} /> {LEGAL_REP_DOCUMENT_LABEL[d]}
          </label>
        ))}
        {errorFor('legalRepDocument') ? <div className="error">{errorFor('legalRepDocument')}</div> : null}
      </fieldset>
      {(Object.keys(PROOF_FIELDS) as (keyof typeof PROOF_FIELDS)[]).map((key) => {
        const f: ProofField = PROOF_FIELDS[key];
        const stored = valueOf(f.uploadId);
        // Hidden with JS when the other document is chosen; without JS every field is there.
        return (
          <div key={key} hidden={hydrated && !shown.has(key) ? true : undefined}>
            <Field name={f.file} label={f.label} error={errorFor(f.file)} hint={f.pdf ? 'PDF、JPG 或 PNG 格式，大小不超过 5 MB' : '彩色照片，JPG 或 PNG 格式，大小不超过 5 MB'}>
              <input type="file" accept={f.pdf ? DOCUMENT_ACCEPT : IMAGE_ACCEPT} {...form.register(f.file)} {...fieldAttrs(f.file, errorFor(f.file), true)} />
              {stored ? (
                <>
                  <input type="hidden" {...form.register(f.uploadId)} defaultValue={stored} />
                  <p className="muted">已上传，如需更换请重新选择文件</p>
                </>
              ) : null}
            </Field>
          </div>
        );
      })}
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '正在提交…' : '提交审核'}
      </button>
    </form>
  );
});
