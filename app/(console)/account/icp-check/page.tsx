import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';
import { getServiceContext } from '@/lib/features/runtime';
import { getVerificationOverview } from '@/lib/features/overview';
import { IcpCheckForm } from './icp-check-form';

export const metadata: Metadata = { title: 'ICP 备案主体核验 - 云控制台' };

/** R-OWN-4: the filing subject must be the verified subject, character for character. */
export default async function IcpCheckPage() {
  const user = await requireUser();
  const overview = await getVerificationOverview(await getServiceContext(), user.accountId);
  return (
    <>
      <h1>ICP 备案主体核验</h1>
      <section className="panel" aria-labelledby="icp-title">
        <h2 id="icp-title">名称核验</h2>
        <p>
          备案主体须与账号的实名认证主体完全一致（逐字相同，包括括号的全角/半角和空格）。
          {overview.subject ? (
            <>
              当前实名认证主体：<strong>{overview.subject.name}</strong>
            </>
          ) : (
            '当前账号尚未完成实名认证。'
          )}
        </p>
        <IcpCheckForm />
      </section>
    </>
  );
}
