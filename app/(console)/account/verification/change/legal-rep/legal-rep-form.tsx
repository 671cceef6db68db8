'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { ConsentField } from '@/app/_components/consent-field';
import { Field, fieldAttrs, FormMessage, RESIDENT_ID_INPUT } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import { LEGAL_REP_UPDATE_CHANNELS } from '@/lib/domain/change/change-types';
import { changeMessages } from '@/lib/messages/zh-CN/change';
import type { CalendarDate } from '@/lib/domain/identity/calendar-date';
import { NEW_LEGAL_REP_ID_HINT, NEW_LEGAL_REP_ID_LABEL, NEW_LEGAL_REP_NAME_LABEL } from '@/lib/schemas/legal-rep-update-fields';
import { editLegalRepUpdateAction, startLegalRepUpdateAction } from './actions';

const noopSubscribe = () => () => {};
const OWN_FIELDS = ['legalRepName', 'legalRepIdNumber', 'channel', 'consent'];

const CHANNEL_NOTE = {
  wechat: '新法人使用本人微信扫码，核对微信支付实名信息',
  face: '新法人使用手机扫码，完成本人人脸识别',
} as const;

/**
 * R-CHG-E3: 变更后企业法人姓名 + 变更后企业法人身份证号 (a PRC resident ID only, said beside the
 * field) and the channel that proves the new legal rep, with 《人脸信息处理授权书》 for face.
 * `start` creates the request; `edit` corrects a running one (an empty ID number keeps the one
 * on file). Works without JS (plain post, the server's messages beside the fields).
 */
export const LegalRepForm = enhancedForm(function LegalRepForm(props: {
  mode: 'start' | 'edit';
  today: CalendarDate;
  changeId?: string;
  defaults?: { legalRepName?: string; channel?: string };
  /** edit: the number on file, masked, kept when the field is left empty. */
  idOnFileMasked?: string;
  faceConsentNeeded: boolean;
  submitLabel: string;
}) {
  const { mode, today, faceConsentNeeded } = props;
  const loadSchema = useCallback(() => import('@/lib/schemas/legal-rep-update').then((m) => m.legalRepUpdateSchema(today, mode, { consentNeeded: faceConsentNeeded })), [today, mode, faceConsentNeeded]);
  const action = mode === 'start' ? startLegalRepUpdateAction : editLegalRepUpdateAction;
  const { formProps, pending, form, errorFor, initial, formError, state } = useActionForm(loadSchema, action, {
    defaults: {
      ...(props.changeId ? { changeId: props.changeId } : {}),
      legalRepName: props.defaults?.legalRepName ?? '',
      channel: props.defaults?.channel ?? 'face',
    },
  });
  const hydrated = useSyncExternalStore(noopSubscribe, () => true, () => false);
  const channel = (form.watch('channel') as string | undefined) ?? initial('channel');
  // An error about something outside these fields (the registry, a limit, a stale step) is said above the form.
  const stray = state.status === 'error' && Object.keys(state.fieldErrors).some((k) => !OWN_FIELDS.includes(k)) ? state.message : undefined;
  const prefix = mode === 'edit' ? 'edit-' : '';
  return (
    <form {...formProps}>
      <FormMessage error={formError ?? stray} />
      {props.changeId ? <input type="hidden" {...form.register('changeId')} defaultValue={props.changeId} /> : null}
      <Field name="legalRepName" label={NEW_LEGAL_REP_NAME_LABEL} error={errorFor('legalRepName')} hint="须与工商登记的法定代表人一致">
        <input
          type="text"
          autoComplete="off"
          maxLength={60}
          defaultValue={initial('legalRepName')}
          {...form.register('legalRepName')}
          {...fieldAttrs('legalRepName', errorFor('legalRepName'), true)}
        />
      </Field>
      <Field
        name="legalRepIdNumber"
        label={NEW_LEGAL_REP_ID_LABEL}
        error={errorFor('legalRepIdNumber')}
        hint={props.idOnFileMasked ? `${NEW_LEGAL_REP_ID_HINT}。当前填写的为 ${props.idOnFileMasked}，不修改可留空` : NEW_LEGAL_REP_ID_HINT}
      >
        <input
          {...RESIDENT_ID_INPUT}
          defaultValue={initial('legalRepIdNumber')}
          {...form.register('legalRepIdNumber')}
          {...fieldAttrs('legalRepIdNumber', errorFor('legalRepIdNumber'), true)}
        />
      </Field>
      <fieldset className="field" aria-describedby={errorFor('channel') ? `${prefix}channel-error` : undefined}>
        <legend>新法人认证方式</legend>
        {LEGAL_REP_UPDATE_CHANNELS.map((c) => (
          <div key={c}>
            <label className="radio">
              <input type="radio" value={c} defaultChecked={initial('channel') === c} {...form.register('channel')} /> {changeMessages[`change.legal_rep_channel.${c}`]}
            </label>{' '}
            <span className="muted">（{CHANNEL_NOTE[c]}）</span>
          </div>
        ))}
        {errorFor('channel') ? (
          <div className="error" id={`${prefix}channel-error`}>
            {errorFor('channel')}
          </div>
        ) : null}
      </fieldset>
      {/* With JS the consent follows the chosen channel; without JS it is there, needed for face only. */}
      {faceConsentNeeded && (!hydrated || channel === 'face') ? (
        <>
          {!hydrated ? <p className="muted">选择企业法人人脸识别认证时，请勾选以下授权：</p> : null}
          <ConsentField purpose="face" error={errorFor('consent')} inputProps={form.register('consent')} />
        </>
      ) : null}
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '正在核验…' : props.submitLabel}
      </button>
    </form>
  );
});
