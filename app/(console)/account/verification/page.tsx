import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { getServiceContext } from '@/lib/features/runtime';
import { getVerificationOverview } from '@/lib/features/overview';
import { chinaCalendarDate } from '@/lib/domain/identity/calendar-date';
import { getCdnSetting } from '@/lib/features/account';
import { CdnSection } from './cdn/cdn-section';
import { RegistryProposal } from './registry-proposal/registry-proposal';
import { formatDateTimeLong } from '@/lib/format/date-time';
import { text, textOf } from '@/lib/messages';

export const metadata: Metadata = { title: '实名认证 - 云控制台' };

/** R-LIM-9: the process in progress, and where to resume it. */
const IN_PROGRESS: Record<string, { label: string; href: string } | undefined> = {
  personal_verification: { label: '个人认证', href: '/account/verification/personal' },
  enterprise_verification: { label: '企业认证', href: '/account/verification/enterprise' },
  subject_change: { label: '认证主体变更', href: '/account/verification/change' },
};

export default async function VerificationPage() {
  const user = await requireUser();
  const ctx = await getServiceContext();
  const [{ subject, inProgress }, cdn, now] = await Promise.all([getVerificationOverview(ctx, user.accountId), getCdnSetting(ctx, user.accountId), ctx.clock.now()]);

  if (subject) {
    return (
      <>
        <h1>实名认证</h1>
        <RegistryProposal accountId={user.accountId} />
        <section className="panel" aria-labelledby="verified-title">
          <h2 id="verified-title">{subject.kind === 'person' ? '您已完成个人实名认证' : '您已完成企业实名认证'}</h2>
          <dl className="info">
            <dt>{subject.kind === 'person' ? '真实姓名' : '企业名称'}</dt>
            <dd>{subject.name}</dd>
            <dt>认证地区</dt>
            <dd>{text(subject.region)}</dd>
            <dt>认证类型</dt>
            <dd>{textOf(subject.typeLabel)}</dd>
            <dt>{text(subject.numberLabel)}</dt>
            <dd>{subject.numberMasked}</dd>
            <dt>认证方式</dt>
            <dd>{textOf(subject.methodLabel)}</dd>
            <dt>认证时间</dt>
            <dd>{formatDateTimeLong(subject.verifiedAt)}</dd>
            {subject.legalRep ? (
              <>
                <dt>企业法人</dt>
                <dd>
                  {subject.legalRep.name}（{subject.legalRep.idMasked}）
                </dd>
              </>
            ) : null}
          </dl>
          {inProgress?.kind === 'subject_change' ? (
            <p className="warning" role="note">
              您有一个进行中的认证主体变更申请，变更完成前账号仍归属当前认证主体。 <Link href="/account/verification/change">继续变更</Link>
            </p>
          ) : null}
          <p>
            <Link href="/account/verification/change">修改认证主体 &gt;</Link>
          </p>
        </section>
        {cdn ? <CdnSection setting={cdn} today={chinaCalendarDate(now)} /> : null}
      </>
    );
  }

  return (
    <>
      <h1>实名认证</h1>
      {inProgress ? (
        <p className="warning" role="note">
          您有一个进行中的{IN_PROGRESS[inProgress.kind]?.label ?? '认证申请'}。{' '}
          {IN_PROGRESS[inProgress.kind] ? <Link href={IN_PROGRESS[inProgress.kind]!.href}>继续认证</Link> : null}
        </p>
      ) : null}
      <p className="warning" role="note">
        企业用户请勿使用个人身份进行实名认证，否则可能因人员变动、账号归属争议等造成财产损失。
      </p>
      <div className="cards">
        <section className="panel card" aria-labelledby="personal-card">
          <h2 id="personal-card">个人认证</h2>
          <p>适用个人用户，账号归属于个人</p>
          <ul>
            <li>认证方式：微信扫码、人脸识别、QQ扫码</li>
            <li>可开具增值税普通发票</li>
            <li>同 1 个身份信息可实名最多 3 个账号</li>
          </ul>
          <Link className="button" href="/account/verification/personal">
            开始个人认证
          </Link>
        </section>
        <section className="panel card" aria-labelledby="enterprise-card">
          <h2 id="enterprise-card">企业认证</h2>
          <p>适用企业、个体工商户、政府、事业单位、学校、组织等，账号归属企业</p>
          <ul>
            <li>认证方式：微信公众平台、法人微信扫码、法人人脸识别、充值认证、对公打款</li>
            <li>可开增值税专用发票</li>
            <li>一个企业信息主体默认可认证 10 个账号</li>
          </ul>
          <Link className="button" href="/account/verification/enterprise">
            开始企业认证
          </Link>
        </section>
      </div>
      <p>
        不确定能否完成认证？<Link href="/account/verification/eligibility">认证前检查</Link>：先查看可用的认证方式、剩余可认证账号数和企业工商登记状态。
      </p>
    </>
  );
}
