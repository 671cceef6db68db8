'use client';

import { useCallback } from 'react';
import { ConsentField } from '@/app/_components/consent-field';
import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import type { CalendarDate } from '@/lib/domain/identity/calendar-date';
import { PAYOUT_PHOTO_FIELDS } from '@/lib/schemas/payout-fields';
import { IMAGE_ACCEPT } from '@/lib/schemas/upload-fields';
import { submitPayoutDetailsAction } from './actions';
import { BankFields, type CityGroup } from './bank-fields';

/**
 * R-E-PAY 1, 完成填写: the bank details, the legal representative and the two held-ID
 * photos, with the warning that submission cannot be withdrawn. The photos travel with
 * the form (JS or not); once stored, their ids come back in hidden fields so that an
 * error elsewhere does not ask for them again.
 */
export const PayoutDetailsForm = enhancedForm(function PayoutDetailsForm(props: { verificationId: string; today: CalendarDate; cityGroups: CityGroup[] }) {
  const loadSchema = useCallback(() => import('@/lib/schemas/payout').then((m) => m.payoutFormSchema(props.today)), [props.today]);
  const { formProps, pending, form, errorFor, initial, valueOf, formError } = useActionForm(loadSchema, submitPayoutDetailsAction, {
    defaults: { verificationId: props.verificationId },
  });
  return (
    <form {...formProps} encType="multipart/form-data">
      <FormMessage error={formError} />
      <input type="hidden" {...form.register('verificationId')} defaultValue={props.verificationId} />
      <BankFields form={form} errorFor={errorFor} initial={initial} cityGroups={props.cityGroups} />
      <Field name="legalRepName" label="企业法人姓名" error={errorFor('legalRepName')}>
        <input type="text" autoComplete="off" maxLength={60} defaultValue={initial('legalRepName')} {...form.register('legalRepName')} {...fieldAttrs('legalRepName', errorFor('legalRepName'))} />
      </Field>
      <Field name="legalRepIdNumber" label="企业法人身份证号" error={errorFor('legalRepIdNumber')} hint="仅支持18位中国大陆居民身份证号码">
        <input type="text" autoComplete="off" spellCheck={false} maxLength={40} defaultValue={initial('legalRepIdNumber')} {...form.register('legalRepIdNumber')} {...fieldAttrs('legalRepIdNumber', errorFor('legalRepIdNumber'), true)} />
      </Field>
      {Object.values(PAYOUT_PHOTO_FIELDS).map((f) => {
        const stored = valueOf(f.uploadId);
        return (
          <Field key={f.file} name={f.file} label={f.label} error={errorFor(f.file)} hint="法定代表人手持身份证的彩色照片，JPG 或 PNG 格式，大小不超过 5 MB">
            <input type="file" accept={IMAGE_ACCEPT} {...form.register(f.file)} {...fieldAttrs(f.file, errorFor(f.file), true)} />
            {stored ? (
              <>
                <input type="hidden" {...form.register(f.uploadId)} defaultValue={stored} />
                {/* eslint-disable-next-line @next/next/no-img-element -- a private upload served by its own authorised route */}
                <img className="thumb" src={`/api/uploads/${stored}`} alt={`已上传的${f.label}`} width={160} />
              </>
            ) : null}
          </Field>
        );
      })}
      <ConsentField purpose="bank_and_id_photos" error={errorFor('consent')} inputProps={form.register('consent')} />
      <p className="warning" role="note">
        请仔细核对以上信息：提交后不可撤回，审核期间如需更改请撤销审核后重新填写。
      </p>
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '正在提交…' : '完成填写'}
      </button>
    </form>
  );
});
