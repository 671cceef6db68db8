import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';
import { getServiceContext } from '@/lib/services/context';
import { getAccountOverview } from '@/lib/services/get-account-overview';

export const metadata: Metadata = { title: '实名认证 - 云控制台' };

export default async function VerificationPage() {
  const user = await requireUser();
  const a = await getAccountOverview(await getServiceContext(), user.accountId);
  return (
    <>
      <h1>实名认证</h1>
      <p>
        认证状态：<span className="badge unverified">{a.statusLabel}</span>
      </p>
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
        </section>
        <section className="panel card" aria-labelledby="enterprise-card">
          <h2 id="enterprise-card">企业认证</h2>
          <p>适用企业、个体工商户、政府、事业单位、学校、组织等，账号归属企业</p>
          <ul>
            <li>认证方式：微信公众平台、法人微信扫码、法人人脸识别、充值认证、对公打款</li>
            <li>可开增值税专用发票</li>
            <li>一个企业信息主体默认可认证 10 个账号</li>
          </ul>
        </section>
      </div>
      <p className="muted">个人认证与企业认证的办理流程即将开放。</p>
    </>
  );
}
