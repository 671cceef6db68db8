import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { routeOf } from '@/app/_lib/routes';
import { FailurePanel, SuccessPanel } from '@/app/_components/result-panels';
import { ScanExpired, ScanPanel } from '@/app/_components/scan-panel';
import { requireUser } from '@/lib/auth/session';
import { chinaCalendarDate } from '@/lib/domain/identity/calendar-date';
import {
  isBankMethod,
  isLegalRepMethod,
  isSessionMethod,
  type EnterpriseMethod,
  type LegalRepMethod,
  type SessionMethod,
} from '@/lib/domain/verification/enterprise-methods';
import { text, textOf } from '@/lib/messages';
import { getServiceContext } from '@/lib/features/runtime';
import { getEnterpriseWizard, type EnterpriseVerificationView } from '@/lib/features/enterprise';
import { EnterpriseInfoForm } from './enterprise-info-form';
import { LegalRepForm } from './legal-rep-form';
import { EnterpriseFrame, EnterpriseIdentity } from './enterprise-frame';
import styles from './enterprise.module.css';
import { CancelButton, ChooseOaButton, RetryButton } from './small-forms';
import { addressChoices } from '@/lib/geo/divisions';
import { formatDateTime } from '@/lib/format/date-time';
import { leaveFinishedWizard } from '../leave-finished-wizard';

export const metadata: Metadata = { title: '企业实名认证 - 云控制台' };

const WIZARD = routeOf('verification.enterprise');

/** 微信公众平台认证, 企业法人人脸识别认证…: a method's name. */
function methodName(method: EnterpriseMethod): string {
  return text(`verification.method.${method}`);
}

const METHOD_HINT: Record<EnterpriseMethod, string> = {
  oa: '由已完成微信认证的公众号管理员扫码授权；公众号的认证主体须与企业名称完全一致',
  legal_rep_wechat: '由法定代表人使用本人微信扫码（微信需绑定银行卡）；仅支持中国大陆居民身份证',
  legal_rep_face: '由法定代表人本人完成刷脸；仅支持中国大陆居民身份证',
  recharge: '使用户名与企业名称一致的对公账户，向指定账户转账随机金额（¥0.01–¥0.99），款项计入账户余额，可原路提现',
  payout: '填写企业对公银行账户并提交材料审核，审核通过后向该账户打入随机金额，回填金额完成认证',
};
const SCAN_HINT: Record<SessionMethod, string> = {
  oa: '请公众号管理员使用微信扫描二维码，选择认证主体为本企业的公众号并授权',
  legal_rep_wechat: '请法定代表人使用本人微信扫描二维码，在手机上确认信息并授权',
  legal_rep_face: '请法定代表人使用手机扫描二维码，由本人完成人脸识别',
};
const QR_ALT: Record<SessionMethod, string> = {
  oa: '微信公众平台认证二维码',
  legal_rep_wechat: '企业法人微信扫码二维码',
  legal_rep_face: '企业法人人脸识别二维码',
};

export default async function EnterpriseVerificationPage({ searchParams }: { searchParams: Promise<{ step?: string; method?: string }> }) {
  const user = await requireUser();
  const ctx = await getServiceContext();
  const [wizard, now, query] = await Promise.all([getEnterpriseWizard(ctx, user.accountId), ctx.clock.now(), searchParams]);
  const today = chinaCalendarDate(now);

  leaveFinishedWizard(wizard);
  if (wizard.kind === 'other_process') {
    return (
      <EnterpriseFrame current="info" changing={Boolean(wizard.change)}>
        <p role="alert">您有正在进行的个人认证或变更申请，请先继续完成或撤销后再进行企业认证。</p>
        <Link href="/account/verification">返回实名认证</Link>
      </EnterpriseFrame>
    );
  }
  if (wizard.kind === 'start') {
    return (
      <EnterpriseFrame current="info" changing={Boolean(wizard.change)}>
        <EnterpriseInfoForm today={today} defaults={wizard.change?.newEnterprise ?? {}} addressChoices={addressChoices(wizard.change?.newEnterprise ?? {})} />
      </EnterpriseFrame>
    );
  }

  const v = wizard.verification;
  const unfinished = v.state === 'draft' || v.state === 'awaiting_channel' || v.state === 'awaiting_bank';
  if (unfinished && query.step === 'edit') {
    return (
      <EnterpriseFrame current="info" changing={Boolean(wizard.change)}>
        <EnterpriseInfoForm today={today} defaults={infoDefaults(v)} addressChoices={addressChoices(infoDefaults(v))} />
        <div className="wizard-footer">
          <Link href={WIZARD}>返回选择认证方式</Link>
          <span className={styles.spacer} />
          <span className="muted">不想继续认证？</span>
          <CancelButton verificationId={v.id} />
        </div>
      </EnterpriseFrame>
    );
  }

  // A legal-rep method asks for 企业法人姓名 + 企业法人身份证号 first (校验认证信息).
  const asked = unfinished && isLegalRepMethod(query.method ?? '') ? (query.method as LegalRepMethod) : null;
  if (asked && v.offer?.options.some((o) => o.method === asked && o.available)) {
    return (
      <EnterpriseFrame current="verify" changing={Boolean(wizard.change)}>
        <EnterpriseIdentity v={v} />
        <section aria-labelledby="legal-rep-title">
          <h2 id="legal-rep-title">{methodName(asked)}</h2>
          <p className="muted">{METHOD_HINT[asked]}</p>
          <LegalRepForm
            verificationId={v.id}
            method={asked}
            today={today}
            defaults={v.method === asked && v.legalRepName ? { legalRepName: v.legalRepName } : {}}
            submitLabel={asked === 'legal_rep_face' ? '开始人脸识别' : '生成二维码'}
          />
        </section>
        <div className="actions">
          <Link className="button secondary" href={WIZARD}>
            更换其他认证方式
          </Link>
        </div>
      </EnterpriseFrame>
    );
  }

  switch (v.state) {
    // 充值认证 and 企业对公打款认证 have pages of their own while they run.
    case 'awaiting_bank':
      redirect(isBankMethod(v.method) ? `${WIZARD}/${v.method}` : WIZARD);
    // falls through: redirect never returns
    case 'draft':
    case 'awaiting_channel':
      return (
        <EnterpriseFrame current={v.state === 'awaiting_channel' ? 'verify' : 'method'} changing={Boolean(wizard.change)}>
          <MethodStep v={v} now={now} />
        </EnterpriseFrame>
      );
    case 'succeeded':
      return (
        <EnterpriseFrame current="done" changing={Boolean(wizard.change)}>
          <SuccessPanel
            message={
              <>
                恭喜，您已通过{v.method ? methodName(v.method) : ''}完成企业实名认证，账号归属于 {v.enterpriseName}。
              </>
            }
            next={
              <ul>
                <li>购买云产品：云服务器、数据库等资源现已可以购买</li>
                <li>开具增值税专用发票：以认证的企业名称开具</li>
                <li>域名注册 / ICP 备案：使用已认证的企业主体办理</li>
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
        </EnterpriseFrame>
      );
    case 'failed':
      return (
        <EnterpriseFrame current="verify" changing={Boolean(wizard.change)}>
          <EnterpriseIdentity v={v} />
          <FailurePanel text={v.failure ? textOf(v.failure.text) : '认证未通过'}>
            <FailureActions v={v} />
          </FailurePanel>
        </EnterpriseFrame>
      );
    default:
      redirect('/account/verification');
  }
}



/** The data of step 1 for the user's own form (返回修改认证信息): clear values while unfinished. */
function infoDefaults(v: EnterpriseVerificationView): Record<string, string> {
  return {
    licenceType: v.licenceType,
    licenceUploadId: v.licenceUploadId,
    enterpriseName: v.enterpriseName,
    code: v.editable?.code ?? '',
    province: v.address.province,
    city: v.address.city,
    district: v.address.district,
    addressDetail: v.address.detail,
    contactName: v.contactName,
    contactIdNumber: v.editable?.contactIdNumber ?? '',
    contactMobile: v.editable?.contactMobile ?? '',
  };
}

/**
 * The ways on after a failure: 重试 (the same method: a new code, or the legal-rep form
 * again), 更换其他认证方式, 返回修改认证信息. A limit or an existing subject leaves nothing to retry.
 */
function FailureActions({ v }: { v: EnterpriseVerificationView }) {
  const final = v.failure?.code === 'enterprise_limit' || v.failure?.code === 'subject_exists';
  if (final) {
    return (
      <Link className="button secondary" href="/account/verification">
        返回实名认证
      </Link>
    );
  }
  const retryLabel = v.failure?.code === 'legal_rep_not_registered' ? '重新填写法人信息' : '重试';
  return (
    <>
      {v.method ? <RetryButton verificationId={v.id} mode="same_method" method={v.method} label={retryLabel} primary /> : null}
      <RetryButton verificationId={v.id} mode="choose_method" label="更换其他认证方式" />
      <RetryButton verificationId={v.id} mode="edit" label="返回修改认证信息" />
    </>
  );
}

function MethodStep({ v, now }: { v: EnterpriseVerificationView; now: Date }) {
  const offer = v.offer;
  const session = v.session;
  const method = isSessionMethod(v.method) ? v.method : null;
  const open = v.state === 'awaiting_channel' && session?.state === 'open' ? session : null;
  // Back at choosing a method after the phone's 拒绝, or after the code ran out.
  const declined = !open && session?.result === 'declined';
  const expired = !open && session?.state === 'expired';
  return (
    <>
      <EnterpriseIdentity v={v} />
      {offer?.notice ? (
        <p className="warning" role="note">
          {text(offer.notice)}
        </p>
      ) : null}
      {offer?.blockedUntil ? <p role="alert">暂时无法认证，请于 {formatDateTime(offer.blockedUntil)} 后再试。</p> : null}

      {open && method ? (
        <ScanPanel
          title={methodName(method)}
          hint={
            <>
              {SCAN_HINT[method]}
              {v.legalRepName && isLegalRepMethod(method) ? `（企业法人：${v.legalRepName} ${v.legalRepIdNumberMasked ?? ''}）` : ''}
            </>
          }
          qrAlt={QR_ALT[method]}
          scanUrl={open.scanUrl}
          expiresAt={open.expiresAt}
          now={now}
          refreshHref={WIZARD}
          statusUrl={`/api/verification/enterprise/status?id=${encodeURIComponent(v.id)}`}
          state={v.state}
          sessionState={open.state}
        />
      ) : null}
      {expired && method ? (
        <ScanExpired title={methodName(method)}>
          {method === 'oa' ? (
            <ChooseOaButton verificationId={v.id} label="获取新二维码" primary />
          ) : (
            <Link className="button" href={`${WIZARD}?method=${method}`}>
              获取新二维码
            </Link>
          )}
        </ScanExpired>
      ) : null}
      {declined ? (
        <p className="warning" role="alert">
          已在手机上拒绝授权，未完成认证。如需继续，请重新选择认证方式。
        </p>
      ) : null}

      <h2>{open ? '更换认证方式' : '选择认证方式'}</h2>
      {offer?.typeNotice ? <p className="hint guide">{text(offer.typeNotice)}。</p> : null}
      <ul className="methods">
        {offer?.options.map((o) => (
          <li key={o.method} className="method">
            <h3>
              {methodName(o.method)} {offer.recommended === o.method ? <span className="badge verified">推荐</span> : null}
            </h3>
            <p className={styles.time}>{text(`verification.methodTime.${o.method}`)}</p>
            <p className="muted">{METHOD_HINT[o.method]}</p>
            {!o.available ? (
              <p className="muted">
                {o.reason ? text(o.reason) : null}
                {o.until ? `，${formatDateTime(o.until)} 后可用` : ''}
              </p>
            ) : isBankMethod(o.method) ? (
              <div className={styles.cardAction}>
                <Link className="button secondary" href={`${WIZARD}/${o.method}`}>
                  使用{methodName(o.method)}
                </Link>
              </div>
            ) : o.method === 'oa' ? (
              <ChooseOaButton
                verificationId={v.id}
                label={method === 'oa' && open ? '重新生成二维码' : `使用${methodName('oa')}`}
                primary={!open && offer.recommended === 'oa'}
              />
            ) : (
              <div className={styles.cardAction}>
                <Link className={!open && offer.recommended === o.method ? 'button' : 'button secondary'} href={`${WIZARD}?method=${o.method}`}>
                  使用{methodName(o.method)}
                </Link>
              </div>
            )}
          </li>
        ))}
      </ul>
      <div className="actions">
        <Link className="button secondary" href={`${WIZARD}?step=edit`}>
          返回修改认证信息
        </Link>
        <CancelButton verificationId={v.id} />
      </div>
    </>
  );
}
