'use client';

import { useActionState, useEffect, useId } from 'react';
import { ActionButton } from '@/app/_components/action-button';
import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import { changeMessages } from '@/lib/messages/zh-CN/change';

const QUERY_NEW_NAME_LABEL = changeMessages['change.button.query_new_name'];
import type { ActionResult } from '@/lib/action';
import { NEW_NAME_LABEL, RENAME_PROOF_FIELDS, RENAME_PROOF_KEYS } from '@/lib/schemas/enterprise-rename-fields';
import { DOCUMENT_ACCEPT } from '@/lib/schemas/upload-fields';
import { confirmRenameNameAction, queryRegistryNameAction, returnToRenameNameAction, startEnterpriseRenameAction, submitRenameProofsAction } from './actions';

type Lookup = ActionResult<{ name: string; sameAsCurrent: boolean }>;

/**
 * 变更后企业名称 with 查询新名称 beside it (R-CHG-E2). 查询新名称 posts a form of its own
 * (the button names it with `form=`), so without JS the page comes back with the
 * registry's name in the field, and with JS the field fills in place. The main form
 * starts the request — or, with `changeId`, submits the name again (重新查询 / corrected).
 */
export const RenameNameForm = enhancedForm(function RenameNameForm(props: { changeId?: string; initialName?: string; submitLabel: string }) {
  const lookupFormId = useId();
  const [lookup, lookupAction, looking] = useActionState(queryRegistryNameAction as (prev: Lookup, data: FormData) => Promise<Lookup>, { status: 'idle' });
  const found = lookup.status === 'ok' ? lookup.data : null;
  const { formProps, pending, form, errorFor, initial, formError } = useActionForm(() => import('@/lib/schemas/enterprise-rename').then((m) => m.renameNameSchema),
    props.changeId ? confirmRenameNameAction : startEnterpriseRenameAction,
    { defaults: { newName: found?.name ?? props.initialName ?? '' } },
  );
  useEffect(() => {
    if (found) form.setValue('newName', found.name, { shouldValidate: true });
  }, [found, form]);

  const lookupError = lookup.status === 'error' ? (lookup.fieldErrors.newName ?? lookup.message) : undefined;
  const error = errorFor('newName') ?? lookupError;
  const hint = found
    ? found.sameAsCurrent
      ? '工商登记系统中的企业名称与当前认证名称相同：登记机关可能尚未完成变更，您也可以直接填写变更后企业名称。'
      : '已填入工商登记系统中当前社会信用代码对应的企业名称，请核对后提交。'
    : `点击「${QUERY_NEW_NAME_LABEL}」可按当前社会信用代码查询工商登记的企业名称。`;
  return (
    <>
      <form id={lookupFormId} action={lookupAction} />
      <form {...formProps}>
        <FormMessage error={formError} />
        {props.changeId ? <input type="hidden" name="changeId" value={props.changeId} /> : null}
        <Field name="newName" label={NEW_NAME_LABEL} error={error} hint={<span aria-live="polite">{hint}</span>}>
          <input type="text" autoComplete="organization" maxLength={100} defaultValue={initial('newName')} {...form.register('newName')} {...fieldAttrs('newName', error, true)} />
          <button className="button secondary" type="submit" form={lookupFormId} disabled={looking} aria-disabled={looking}>
            {looking ? '正在查询…' : QUERY_NEW_NAME_LABEL}
          </button>
        </Field>
        <div className="actions">
          <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
            {pending ? '正在提交…' : props.submitLabel}
          </button>
        </div>
      </form>
    </>
  );
});

/**
 * The review path's proofs (R-CHG-E2): 变更申请表, 工商局或事业单位上级主管单位的变更证明 and
 * 新营业执照, each a PDF, JPG or PNG ≤ 5 MB. They travel with the form (JS or not); once
 * stored, their ids come back in hidden fields so that an error does not ask for them again.
 */
export const RenameProofsForm = enhancedForm(function RenameProofsForm({ changeId }: { changeId: string }) {
  const { formProps, pending, form, errorFor, valueOf, formError } = useActionForm(() => import('@/lib/schemas/enterprise-rename').then((m) => m.renameProofsFormSchema), submitRenameProofsAction, {
    defaults: { changeId },
  });
  return (
    <form {...formProps} encType="multipart/form-data">
      <FormMessage error={formError} />
      <input type="hidden" name="changeId" value={changeId} />
      {RENAME_PROOF_KEYS.map((key) => {
        const f = RENAME_PROOF_FIELDS[key];
        const stored = valueOf(f.uploadId);
        return (
          <Field key={f.file} name={f.file} label={f.label} error={errorFor(f.file)} hint={stored ? '已上传，如需更换请重新选择文件' : 'PDF、JPG 或 PNG 格式，大小不超过 5 MB'}>
            <input type="file" accept={DOCUMENT_ACCEPT} {...form.register(f.file)} {...fieldAttrs(f.file, errorFor(f.file), true)} />
            {stored ? <input type="hidden" {...form.register(f.uploadId)} defaultValue={stored} /> : null}
          </Field>
        );
      })}
      <div className="actions">
        <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? '正在提交…' : '提交审核'}
        </button>
      </div>
    </form>
  );
});

/** 上一步: back from the proofs to 变更后企业名称. */
export function RenameBackButton({ changeId }: { changeId: string }) {
  return <ActionButton action={returnToRenameNameAction} fields={{ changeId }} label="上一步" variant="secondary" />;
}
