import type { Metadata } from 'next';
import { createPhoneUserAction } from '../../_actions/console';
import { SimForm } from '../../_components/sim-form';
import { simPage } from '../../_lib';
import { ID_TYPE_LABEL } from '@/lib/simulators/display';
import { listPhoneUsers } from '@/lib/simulators/people';

export const metadata: Metadata = { title: '模拟用户 - 模拟器' };

const ID_TYPES = Object.entries(ID_TYPE_LABEL).map(([value, label]) => ({ value, label }));

export default async function UsersPage() {
  const { db } = await simPage();
  const users = await listPhoneUsers(db);
  return (
    <>
      <h1>微信 / QQ 用户</h1>
      <p className="muted">模拟人物的证件号码完整显示，便于在产品中填写；手机页面只显示脱敏后的信息。</p>
      <section className="panel" aria-labelledby="users-title">
        <h2 id="users-title">已有用户</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">渠道</th>
              <th scope="col">姓名</th>
              <th scope="col">证件</th>
              <th scope="col">出生日期</th>
              <th scope="col">银行卡</th>
              <th scope="col">ID</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.channel === 'wechat' ? '微信' : 'QQ'}</td>
                <td>{u.name}</td>
                <td>
                  {ID_TYPE_LABEL[u.idType]} <code>{u.idNumber}</code>
                </td>
                <td>{u.birthDate}</td>
                <td>{u.bankCard ? '已绑定' : '未绑定'}</td>
                <td>
                  <code>{u.id}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="new-user-title">
        <h2 id="new-user-title">添加用户</h2>
        <SimForm
          id="new-user"
          action={createPhoneUserAction}
          submitLabel="添加用户"
          fields={[
            { name: 'channel', label: '渠道', type: 'select', options: [{ value: 'wechat', label: '微信' }, { value: 'qq', label: 'QQ' }] },
            { name: 'name', label: '姓名' },
            { name: 'idType', label: '证件类型', type: 'select', options: ID_TYPES },
            { name: 'idNumber', label: '证件号码' },
            { name: 'birthDate', label: '出生日期', type: 'date', hint: '身份证须与号码中的出生日期一致' },
            { name: 'bankCard', label: '已绑定银行卡', type: 'checkbox' },
          ]}
        />
      </section>
    </>
  );
}
