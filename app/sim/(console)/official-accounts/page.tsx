import type { Metadata } from 'next';
import { createOaAccountAction } from '../../_actions/console';
import { SimForm } from '../../_components/sim-form';
import { simPage } from '../../_lib';
import { listOaAccounts } from '@/lib/simulators/official-accounts';
import { listPhoneUsers } from '@/lib/simulators/people';

export const metadata: Metadata = { title: '公众号 - 模拟器' };

export default async function OfficialAccountsPage() {
  const { db } = await simPage();
  const [accounts, admins] = await Promise.all([listOaAccounts(db), listPhoneUsers(db, 'wechat')]);
  const adminName = new Map(admins.map((u) => [u.id, u.name]));
  return (
    <>
      <h1>微信公众平台</h1>
      <section className="panel" aria-labelledby="oa-title">
        <h2 id="oa-title">公众号</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">公众号</th>
              <th scope="col">认证主体</th>
              <th scope="col">管理员</th>
              <th scope="col">ID</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <td>{a.name}</td>
                <td>{a.verifiedEnterpriseName ?? <span className="muted">未认证</span>}</td>
                <td>{adminName.get(a.adminWechatUserId) ?? a.adminWechatUserId}</td>
                <td>
                  <code>{a.id}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="new-oa-title">
        <h2 id="new-oa-title">添加公众号</h2>
        <SimForm
          id="new-oa"
          action={createOaAccountAction}
          submitLabel="添加公众号"
          fields={[
            { name: 'name', label: '公众号名称' },
            { name: 'verifiedEnterpriseName', label: '认证主体名称', optional: true, hint: '留空表示未认证' },
            { name: 'adminWechatUserId', label: '管理员（模拟微信用户）', type: 'select', options: admins.map((u) => ({ value: u.id, label: `${u.name}（${u.id}）` })) },
          ]}
        />
      </section>
    </>
  );
}
