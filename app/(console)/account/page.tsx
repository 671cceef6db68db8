import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { getServiceContext } from '@/lib/features/runtime';
import { getAccountEntitlements } from '@/lib/features/account';
import { getAccountOverview } from '@/lib/features/overview';
import { text } from '@/lib/messages';
import { ChangePasswordSection } from './change-password-section';
import { DevicesSection } from './devices-section';
import { ProfileForm } from './profile-form';
import { TwoFactorSection } from './two-factor-section';

export const metadata: Metadata = { title: '账号信息 - 云控制台' };

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const recoveryCodeUsed = (await searchParams)['recovery-code-used'] === '1';
  const ctx = await getServiceContext();
  const [a, rights] = await Promise.all([getAccountOverview(ctx, user.accountId), getAccountEntitlements(ctx, user.accountId)]);
  return (
    <>
      <h1>账号信息</h1>
      <section className="panel" aria-labelledby="basic-info">
        <h2 id="basic-info">基本信息</h2>
        <dl className="info">
          <dt>账号昵称</dt>
          <dd>{a.nickname}</dd>
          <dt>账号ID</dt>
          <dd>{a.accountNumber}</dd>
          <dt>APPID</dt>
          <dd>{a.appId}</dd>
          <dt>认证状态</dt>
          <dd>
            <span className={`badge ${a.status === 'verified' ? 'verified' : 'unverified'}`}>{text(`accountStatus.${a.status}`)}</span>{' '}
            <Link href="/account/verification">查看或修改认证</Link>
          </dd>
          <dt>所属行业</dt>
          <dd>{a.industry ?? <span className="muted">未填写</span>}</dd>
          <dt>联系手机</dt>
          <dd>{a.contactPhoneMasked ?? <span className="muted">未填写</span>}</dd>
          <dt>联系邮箱</dt>
          <dd>{a.email}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="entitlements">
        <h2 id="entitlements">发票与优惠资格</h2>
        <dl className="info">
          <dt>增值税普通发票</dt>
          <dd>{rights.ordinaryInvoice ? '可申请' : <span className="muted">完成实名认证后可申请</span>}</dd>
          <dt>增值税专用发票</dt>
          <dd>
            {rights.specialInvoice.allowed ? `可申请，发票抬头：${rights.specialInvoice.title}` : <span className="muted">{text(`entitlements.specialInvoice.${rights.specialInvoice.why}`)}</span>}
            {rights.formerTitles.length > 0 ? (
              <p className="muted">
                不可使用的原抬头：{rights.formerTitles.join('、')}（{text('entitlements.formerTitleNote')}）
              </p>
            ) : null}
          </dd>
          <dt>优惠活动</dt>
          <dd>
            {rights.promotions === 'enterprise' ? '可参与企业用户优惠活动' : rights.promotions === 'personal' ? '可参与个人用户优惠活动' : <span className="muted">完成实名认证后可参与</span>}
          </dd>
          <dt>ICP 备案</dt>
          <dd>
            <Link href="/account/icp-check">备案主体核验</Link>
          </dd>
          <dt>审核工单</dt>
          <dd>
            <Link href="/account/reviews">查看提交的审核材料与审核结果</Link>
          </dd>
          <dt>事件回调</dt>
          <dd>
            <Link href="/account/webhooks">设置回调地址与查看推送记录</Link>
          </dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="edit-info">
        <h2 id="edit-info">修改基本信息</h2>
        <ProfileForm nickname={a.nickname} industry={a.industry} contactPhoneMasked={a.contactPhoneMasked} />
      </section>
      <ChangePasswordSection />
      <TwoFactorSection user={user} recoveryCodeUsed={recoveryCodeUsed} />
      <DevicesSection user={user} />
    </>
  );
}
