import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { chinaCalendarDate } from '@/lib/domain/identity/calendar-date';
import type { PersonalMethod } from '@/lib/domain/verification/personal-methods';
import { text, textOf } from '@/lib/messages';
import { getServiceContext } from '@/lib/features/runtime';
import { getPersonalWizard, type PersonalVerificationView } from '@/lib/features/personal';
import { FailurePanel, SuccessPanel } from '@/app/_components/result-panels';
import { ScanExpired, ScanPanel } from '@/app/_components/scan-panel';
import { WizardSteps } from '@/app/_components/wizard-steps';
import type { WizardStep } from '@/lib/domain/wizard-steps';
import { ChangeBanner } from '../change/change-banner';
import { ConfirmDialog } from './confirm-dialog';
import { PersonalInfoForm } from './personal-info-form';
import { CancelButton, ChooseMethodButton, FaceMethodForm, RetryButton } from './small-forms';
import { addressChoices } from '@/lib/geo/divisions';
import { formatDateTime } from '@/lib/format/date-time';
import { leaveFinishedWizard } from '../leave-finished-wizard';

export const metadata: Metadata = { title: '个人实名认证 - 云控制台' };

const METHOD_HINT = {
  wechat: <>请使用本人微信扫码；微信需要绑定银行卡（查看 <a href="#bind-card-guide">绑卡指引</a>）</>,
  face: <>仅支持中国大陆居民身份证，请由本人完成刷脸</>,
  qq: <>仅支持中国大陆居民身份证；手机QQ需要绑定银行卡</>,
};

export default async function PersonalVerificationPage({ searchParams }: { searchParams: Promise<{ step?: string }> }) {
  const user = await requireUser();
  const ctx = await getServiceContext();
  const [wizard, now, { step }] = await Promise.all([getPersonalWizard(ctx, user.accountId), ctx.clock.now(), searchParams]);
  const today = chinaCalendarDate(now);

  leaveFinishedWizard(wizard);
  if (wizard.kind === 'other_process') {
    return (
      <Shell current="info" changing={Boolean(wizard.change)}>
        <p role="alert">您有正在进行的企业认证或变更申请，请先继续完成或撤销后再进行个人认证。</p>
        <Link href="/account/verification">返回实名认证</Link>
      </Shell>
    );
  }
  if (wizard.kind === 'start') {
    return (
      <Shell current="info" changing={Boolean(wizard.change)}>
        <PersonalInfoForm today={today} defaults={{}} addressChoices={addressChoices({})} />
      </Shell>
    );
  }

  const v = wizard.verification;
  switch (v.state) {
    case 'draft':
      return (
        <Shell current="info" changing={Boolean(wizard.change)}>
          {step === 'confirm' ? (
            <>
              <p className="muted">请核对认证信息，确认无误后点击“确定”进入下一步。</p>
              <ConfirmDialog verificationId={v.id} rows={confirmRows(v)} />
            </>
          ) : (
            <>
              <PersonalInfoForm today={today} defaults={draftDefaults(v)} addressChoices={addressChoices(draftDefaults(v))} />
              <WizardFooter verificationId={v.id} />
            </>
          )}
        </Shell>
      );
    case 'confirmed':
    case 'awaiting_channel':
      if (step === 'edit') {
        return (
          <Shell current="info" changing={Boolean(wizard.change)}>
            <PersonalInfoForm today={today} defaults={draftDefaults(v)} addressChoices={addressChoices(draftDefaults(v))} />
            <WizardFooter verificationId={v.id} />
          </Shell>
        );
      }
      return (
        <Shell current="verify" changing={Boolean(wizard.change)}>
          <MethodStep v={v} now={now} />
        </Shell>
      );
    case 'succeeded':
      return (
        <Shell current="done" changing={Boolean(wizard.change)}>
          <SuccessPanel
            message={<>恭喜，您已通过{v.method ? shortLabel(v.method) : ''}完成个人实名认证，账号归属于 {v.realName}。</>}
            next={
              <ul>
                <li>购买云产品：云服务器、数据库等资源现已可以购买</li>
                <li>域名注册 / ICP 备案：使用已认证的主体办理</li>
              </ul>
            }
          >
            <Link className="button" href="/account">
              管理账号信息
            </Link>
            <Link className="button secondary" href="/account/verification">
              查看认证信息
            </Link>
          </SuccessPanel>
        </Shell>
      );
    case 'failed':
      return (
        <Shell current="verify" changing={Boolean(wizard.change)}>
          <FailurePanel text={v.failure ? textOf(v.failure.text) : '认证未通过'} extra={v.failure?.code === 'no_bank_card' ? <BindCardGuide method={v.method} /> : null}>
            <RetryButton verificationId={v.id} mode="choose_method" label={v.method === 'face' ? '重试' : '重新认证'} />
            <RetryButton verificationId={v.id} mode="edit" label="返回修改认证信息" />
          </FailurePanel>
        </Shell>
      );
    default:
      redirect('/account/verification');
  }
}

function Shell({ current, changing, children }: { current: WizardStep<'personal'>; changing: boolean; children: React.ReactNode }) {
  return (
    <>
      <h1>个人实名认证</h1>
      {changing ? <ChangeBanner /> : null}
      <WizardSteps wizard="personal" current={current} />
      <div className="panel wizard">{children}</div>
    </>
  );
}

/** 撤销 (R-LIM-9), set apart from 下一步 so that the two are not confused. */
function WizardFooter({ verificationId }: { verificationId: string }) {
  return (
    <div className="wizard-footer">
      <span className="muted">不想继续认证？</span>
      <CancelButton verificationId={verificationId} />
    </div>
  );
}

function draftDefaults(v: PersonalVerificationView): Record<string, string> {
  return {
    realName: v.realName,
    documentType: v.documentType,
    documentNumber: v.editableDocumentNumber ?? '',
    industry: v.industry ?? '',
    province: v.address.province,
    city: v.address.city,
    district: v.address.district,
    addressDetail: v.address.detail,
  };
}

function confirmRows(v: PersonalVerificationView) {
  return [
    { label: '认证地区', value: '中国大陆' },
    { label: '真实姓名', value: v.realName },
    { label: '证件类型', value: text(`identity.documentType.${v.documentType}`) },
    { label: '证件证号', value: v.editableDocumentNumber ?? v.documentNumberMasked },
    ...(v.industry ? [{ label: '行业信息', value: v.industry }] : []),
    { label: '通讯地址', value: v.address.label },
  ];
}

/** 微信扫码（即时完成）…: a method's option label. */
const methodOption = (method: PersonalMethod) => text(`verification.personalMethod.${method}`);
const shortLabel = (method: PersonalMethod) => methodOption(method).replace(/（.*）/, '');

const QR_ALT: Record<PersonalMethod, string> = { wechat: '微信扫码二维码', qq: 'QQ扫码二维码', face: '人脸识别二维码' };
const SCAN_HINT: Record<PersonalMethod, string> = {
  wechat: '请使用本人微信扫描二维码，在手机上确认信息并授权',
  qq: '请使用本人手机QQ扫描二维码，在手机上确认信息并授权',
  face: '请使用手机扫描二维码，由本人完成人脸识别',
};

function MethodStep({ v, now }: { v: PersonalVerificationView; now: Date }) {
  const offer = v.offer;
  const session = v.session;
  const method = v.method ?? null;
  const open = v.state === 'awaiting_channel' && session?.state === 'open' ? session : null;
  // Back at choosing a method after the phone's 拒绝 (the state table's channel_declined).
  const declined = v.state === 'confirmed' && session?.result === 'declined';
  const expired = session?.state === 'expired';
  return (
    <>
      <p className="identity">
        即将实名身份 姓名：<strong>{v.realName}</strong> {v.documentType === 'resident_id' ? '身份证号' : '证件号'}：<strong>{v.documentNumberMasked}</strong>
      </p>
      {offer?.notice ? (
        <p className="warning" role="note">
          {text(offer.notice)}
        </p>
      ) : null}
      {offer?.blockedUntil ? <p role="alert">暂时无法认证，请于 {formatDateTime(offer.blockedUntil)} 后再试。</p> : null}

      {open && method ? (
        <ScanPanel
          title={methodOption(method)}
          hint={SCAN_HINT[method]}
          qrAlt={QR_ALT[method]}
          scanUrl={open.scanUrl}
          expiresAt={open.expiresAt}
          now={now}
          refreshHref="/account/verification/personal"
          statusUrl={`/api/verification/personal/status?id=${encodeURIComponent(v.id)}`}
          state={v.state}
          sessionState={open.state}
        />
      ) : null}
      {expired && method ? (
        <ScanExpired title={methodOption(method)}>
          <ChooseMethodButton verificationId={v.id} method={method} label="获取新二维码" primary />
        </ScanExpired>
      ) : null}
      {declined ? (
        <p className="warning" role="alert">
          您已在手机上拒绝授权，未完成认证。如需继续，请重新选择认证方式。
        </p>
      ) : null}

      <h2>{open ? '更换认证方式' : '选择认证方式'}</h2>
      <ul className="methods">
        {offer?.options.map((o) => (
          <li key={o.method} className="method">
            <h3>
              {methodOption(o.method)} {offer.recommended === o.method ? <span className="badge verified">推荐</span> : null}
            </h3>
            <p className="muted">{METHOD_HINT[o.method]}</p>
            {o.available && o.method === 'face' ? (
              <FaceMethodForm
                verificationId={v.id}
                label={method === o.method && open ? '重新生成二维码' : `使用${shortLabel(o.method)}`}
                primary={!open && offer.recommended === o.method}
              />
            ) : o.available ? (
              <ChooseMethodButton
                verificationId={v.id}
                method={o.method}
                label={method === o.method && open ? '重新生成二维码' : `使用${shortLabel(o.method)}`}
                primary={!open && offer.recommended === o.method}
              />
            ) : (
              <p className="muted">
                {o.reason ? text(o.reason) : null}
                {o.until ? `，${formatDateTime(o.until)} 后可用` : ''}
              </p>
            )}
          </li>
        ))}
      </ul>
      {offer?.options.some((o) => o.method !== 'face') ? <BindCardGuide method={null} /> : null}
      <div className="actions">
        <RetryLink />
        <CancelButton verificationId={v.id} />
      </div>
    </>
  );
}

/** R-P-WX / R-P-QQ: how to bind a card (linked from the method hint, shown again after a no_bank_card failure). */
function BindCardGuide({ method }: { method: PersonalMethod | null }) {
  return (
    <p id="bind-card-guide" className="hint guide">
      <strong>绑卡指引：</strong>
      {method === 'qq'
        ? '打开手机QQ → 我的 → 钱包 → 银行卡 → 添加银行卡，按提示完成绑定后再扫码。'
        : '打开微信 → 我 → 服务 → 钱包 → 银行卡 → 添加银行卡，按提示完成绑定后再扫码。'}
    </p>
  );
}

function RetryLink() {
  return (
    <Link className="button secondary" href="/account/verification/personal?step=edit">
      返回修改认证信息
    </Link>
  );
}
