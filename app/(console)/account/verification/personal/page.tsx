import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import QRCode from 'qrcode';
import { requireUser } from '@/lib/auth/session';
import { chinaCalendarDate } from '@/lib/domain/identity/calendar-date';
import { PERSONAL_METHOD_LABEL, type PersonalMethod } from '@/lib/domain/verification/personal-methods';
import { getServiceContext } from '@/lib/services/context';
import { getPersonalWizard, type PersonalVerificationView } from '@/lib/services/get-personal-wizard';
import { AutoRefresh } from './auto-refresh';
import { ConfirmDialog } from './confirm-dialog';
import { PersonalInfoForm } from './personal-info-form';
import { CancelButton, ChooseMethodButton, RetryButton } from './small-forms';
import { WizardSteps } from './wizard-steps';

export const metadata: Metadata = { title: '个人实名认证 - 云控制台' };

const METHOD_HINT = {
  wechat: <>请使用本人微信扫码；微信需要绑定银行卡（查看 <a href="#bind-card-guide">绑卡指引</a>）</>,
  face: <>仅支持中国大陆居民身份证，请由本人完成刷脸</>,
  qq: <>仅支持中国大陆居民身份证；手机QQ需要绑定银行卡</>,
};

const timeFormat = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });

export default async function PersonalVerificationPage({ searchParams }: { searchParams: Promise<{ step?: string }> }) {
  const user = await requireUser();
  const ctx = await getServiceContext();
  const [wizard, now, { step }] = await Promise.all([getPersonalWizard(ctx, user.accountId), ctx.clock.now(), searchParams]);
  const today = chinaCalendarDate(now);

  if (wizard.kind === 'verified') redirect('/account/verification');
  if (wizard.kind === 'other_process') {
    return (
      <Shell current={1}>
        <p role="alert">您有正在进行的企业认证或变更申请，请先继续完成或撤销后再进行个人认证。</p>
        <Link href="/account/verification">返回实名认证</Link>
      </Shell>
    );
  }
  if (wizard.kind === 'start') {
    return (
      <Shell current={1}>
        <PersonalInfoForm today={today} defaults={{}} />
      </Shell>
    );
  }

  const v = wizard.verification;
  switch (v.state) {
    case 'draft':
      return (
        <Shell current={1}>
          {step === 'confirm' ? (
            <>
              <p className="muted">请核对认证信息，确认无误后点击“确定”进入下一步。</p>
              <ConfirmDialog verificationId={v.id} rows={confirmRows(v)} />
            </>
          ) : (
            <>
              <PersonalInfoForm today={today} defaults={draftDefaults(v)} />
              <WizardFooter verificationId={v.id} />
            </>
          )}
        </Shell>
      );
    case 'confirmed':
    case 'awaiting_channel':
      if (step === 'edit') {
        return (
          <Shell current={1}>
            <PersonalInfoForm today={today} defaults={draftDefaults(v)} />
            <WizardFooter verificationId={v.id} />
          </Shell>
        );
      }
      return (
        <Shell current={2}>
          <MethodStep v={v} now={now} />
        </Shell>
      );
    case 'succeeded':
      return (
        <Shell current={3}>
          <section className="result ok" aria-labelledby="done-title">
            <h2 id="done-title">认证完成</h2>
            <p role="status">恭喜，您已通过{v.method ? shortLabel(v.method) : ''}完成个人实名认证，账号归属于 {v.realName}。</p>
            <h3>接下来您可以</h3>
            <ul>
              <li>购买云产品：云服务器、数据库等资源现已可以购买</li>
              <li>域名注册 / ICP 备案：使用已认证的主体办理</li>
            </ul>
            <div className="actions">
              <Link className="button" href="/account">
                管理账号信息
              </Link>
              <Link className="button secondary" href="/account/verification">
                查看认证信息
              </Link>
            </div>
          </section>
        </Shell>
      );
    case 'failed':
      return (
        <Shell current={2}>
          <section className="result failed" aria-labelledby="failed-title">
            <h2 id="failed-title">认证失败</h2>
            <p role="alert">{v.failure?.text ?? '认证未通过'}</p>
            {v.failure?.code === 'no_bank_card' ? <BindCardGuide method={v.method} /> : null}
            <div className="actions">
              <RetryButton verificationId={v.id} mode="choose_method" label={v.method === 'face' ? '重试' : '重新认证'} />
              <RetryButton verificationId={v.id} mode="edit" label="返回修改认证信息" />
            </div>
          </section>
        </Shell>
      );
    default:
      redirect('/account/verification');
  }
}

function Shell({ current, children }: { current: 1 | 2 | 3; children: React.ReactNode }) {
  return (
    <>
      <h1>个人实名认证</h1>
      <WizardSteps current={current} />
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
    { label: '证件类型', value: v.documentTypeLabel },
    { label: '证件证号', value: v.editableDocumentNumber ?? v.documentNumberMasked },
    ...(v.industry ? [{ label: '行业信息', value: v.industry }] : []),
    { label: '通讯地址', value: v.address.label },
  ];
}

const shortLabel = (method: PersonalMethod) => PERSONAL_METHOD_LABEL[method].replace(/（.*）/, '');

const QR_ALT: Record<PersonalMethod, string> = { wechat: '微信扫码二维码', qq: 'QQ扫码二维码', face: '人脸识别二维码' };
const SCAN_HINT: Record<PersonalMethod, string> = {
  wechat: '请使用本人微信扫描二维码，在手机上确认信息并授权',
  qq: '请使用本人手机QQ扫描二维码，在手机上确认信息并授权',
  face: '请使用手机扫描二维码，由本人完成人脸识别',
};

async function MethodStep({ v, now }: { v: PersonalVerificationView; now: Date }) {
  const offer = v.offer;
  const session = v.session;
  const method = v.method ?? null;
  const open = v.state === 'awaiting_channel' && session?.state === 'open' ? session : null;
  // Back at choosing a method after the phone's 拒绝 (the state table's channel_declined).
  const declined = v.state === 'confirmed' && session?.result === 'declined';
  const expired = session?.state === 'expired';
  const qr = open ? await QRCode.toDataURL(open.scanUrl, { margin: 1, width: 200 }) : null;
  return (
    <>
      <p className="identity">
        即将实名身份 姓名：<strong>{v.realName}</strong> {v.documentTypeLabel === '身份证' ? '身份证号' : '证件号'}：<strong>{v.documentNumberMasked}</strong>
      </p>
      {offer?.notice ? (
        <p className="warning" role="note">
          {offer.notice}
        </p>
      ) : null}
      {offer?.blockedUntil ? <p role="alert">暂时无法认证，请于 {timeFormat.format(offer.blockedUntil)} 后再试。</p> : null}

      {open && method ? (
        <section className="waiting" aria-labelledby="waiting-title">
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL generated on the server */}
          <img className="qr" src={qr!} width={200} height={200} alt={QR_ALT[method]} />
          <div>
            <h2 id="waiting-title">{PERSONAL_METHOD_LABEL[method]}</h2>
            <p>{SCAN_HINT[method]}</p>
            <p>
              <a href={open.scanUrl} target="_blank" rel="noopener">
                在模拟器中打开
              </a>
              <span className="muted">（模拟环境：在新窗口打开手机页面）</span>
            </p>
            <p className="muted">
              等待手机端结果… 二维码有效期至 {timeFormat.format(open.expiresAt)}（约 {Math.max(0, Math.ceil((open.expiresAt.getTime() - now.getTime()) / 60000))} 分钟）
            </p>
            <Link className="button secondary" href="/account/verification/personal">
              刷新结果
            </Link>
          </div>
          <AutoRefresh verificationId={v.id} state={v.state} sessionState={open.state} />
        </section>
      ) : null}
      {expired && method ? (
        <section className="waiting ended" aria-labelledby="expired-title">
          <div>
            <h2 id="expired-title">{PERSONAL_METHOD_LABEL[method]}</h2>
            <p role="alert">二维码已过期（有效期 5 分钟），请重新获取。</p>
            <ChooseMethodButton verificationId={v.id} method={method} label="获取新二维码" primary />
          </div>
        </section>
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
              {PERSONAL_METHOD_LABEL[o.method]} {offer.recommended === o.method ? <span className="badge verified">推荐</span> : null}
            </h3>
            <p className="muted">{METHOD_HINT[o.method]}</p>
            {o.available ? (
              <ChooseMethodButton
                verificationId={v.id}
                method={o.method}
                label={method === o.method && open ? '重新生成二维码' : `使用${shortLabel(o.method)}`}
                primary={!open && offer.recommended === o.method}
              />
            ) : (
              <p className="muted">
                {o.reason}
                {o.until ? `，${timeFormat.format(o.until)} 后可用` : ''}
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
