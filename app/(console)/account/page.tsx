import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { getServiceContext } from '@/lib/services/context';
import { getAccountOverview } from '@/lib/services/get-account-overview';
import { ProfileForm } from './profile-form';

export const metadata: Metadata = { title: '账号信息 - 云控制台' };

export default async function AccountPage() {
  const user = await requireUser();
  const a = await getAccountOverview(await getServiceContext(), user.accountId);
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
            <span className={`badge ${a.status === 'verified' ? 'verified' : 'unverified'}`}>{a.statusLabel}</span>{' '}
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
      <section className="panel" aria-labelledby="edit-info">
        <h2 id="edit-info">修改基本信息</h2>
        <ProfileForm nickname={a.nickname} industry={a.industry} contactPhoneMasked={a.contactPhoneMasked} />
      </section>
    </>
  );
}
