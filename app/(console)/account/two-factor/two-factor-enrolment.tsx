'use client';

import { ActionButton } from '@/app/_components/action-button';
import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import { confirmTwoFactorAction, startTwoFactorAction } from './actions';
import { formatDateTimeFull } from '@/lib/format/date-time';

type Enrolment = { state: 'off' } | { state: 'pending'; secret: string; qrDataUrl: string } | { state: 'on'; since: string; recoveryCodesLeft: number };

/**
 * The enrolment, in one component that renders in every state, so that the confirmation's
 * answer — the recovery codes, shown once — survives the re-render a no-JS post makes
 * (the page then already reads 已开启).
 */
export const TwoFactorEnrolment = enhancedForm(function TwoFactorEnrolment({ enrolment }: { enrolment: Enrolment }) {
  const { formProps, pending, form, errorFor, formError, state } = useActionForm(
    () => import('@/lib/schemas/two-factor').then((m) => m.confirmTwoFactorSchema),
    confirmTwoFactorAction,
  );

  if (state.status === 'ok') {
    return (
      <div>
        <FormMessage ok="两步验证已开启。以后每次登录都需要输入验证器中的动态验证码。" />
        <h3 id="recovery-codes-title">恢复码</h3>
        <p className="warning" role="note">
          请立即抄写或打印以下 10 个恢复码并妥善保管：手机丢失时，可用其中一个代替动态验证码登录，每个只能使用一次。它们只显示这一次。
        </p>
        <ul className="recovery-codes" aria-labelledby="recovery-codes-title">
          {state.data.recoveryCodes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
      </div>
    );
  }

  if (enrolment.state === 'on') {
    return (
      <dl className="info">
        <dt>状态</dt>
        <dd>
          <span className="badge verified">已开启</span>
        </dd>
        <dt>开启时间</dt>
        <dd>{formatDateTimeFull(new Date(enrolment.since))}</dd>
        <dt>剩余恢复码</dt>
        <dd>{enrolment.recoveryCodesLeft} 个</dd>
      </dl>
    );
  }

  if (enrolment.state === 'off') {
    return (
      <div>
        <p>两步验证在密码之外再要求一个验证器应用（如 Google Authenticator、Microsoft Authenticator 或腾讯身份验证器）中的 6 位动态验证码。</p>
        <ActionButton action={startTwoFactorAction} label="生成密钥" pendingLabel="正在生成…" />
      </div>
    );
  }

  return (
    <div>
      <ol>
        <li>
          用验证器应用扫描二维码：
          {/* A data: URL made on the server; next/image has nothing to optimise here. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img className="totp-qr" src={enrolment.qrDataUrl} width={200} height={200} alt="两步验证密钥二维码（无法扫描时请手动输入下方密钥）" />
        </li>
        <li>
          无法扫描时，在应用中选择手动输入（基于时间，6 位，30 秒）：
          <dl className="info">
            <dt>密钥</dt>
            <dd>
              <code>{enrolment.secret}</code>
            </dd>
          </dl>
        </li>
        <li>输入应用中显示的 6 位动态验证码完成设置。</li>
      </ol>
      <form {...formProps}>
        <FormMessage error={formError} />
        <Field name="code" label="动态验证码" error={errorFor('code')}>
          <input type="text" inputMode="numeric" autoComplete="one-time-code" maxLength={8} {...form.register('code')} {...fieldAttrs('code', errorFor('code'))} />
        </Field>
        <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? '正在验证…' : '完成设置'}
        </button>
      </form>
    </div>
  );
});
