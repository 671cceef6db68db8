import type { Metadata } from 'next';
import { createEnterpriseAction, updateEnterpriseAction } from '../../_actions/console';
import { SimForm } from '../../_components/sim-form';
import { simPage } from '../../_lib';
import { listEnterprises, nameHistoryOf } from '@/lib/simulators/registry/enterprises';

export const metadata: Metadata = { title: '工商登记 - 模拟器' };

const LICENCE = [
  { value: 'business_licence', label: '营业执照' },
  { value: 'other', label: '非营业执照（事业单位、社会团体等）' },
];
const STATUS = [
  { value: 'active', label: '存续' },
  { value: 'deregistered', label: '注销' },
];

export default async function RegistryPage() {
  const { db } = await simPage();
  const list = await listEnterprises(db);
  const histories = await Promise.all(list.map((e) => nameHistoryOf(db, e.code)));
  return (
    <>
      <h1>工商登记</h1>
      <section className="panel" aria-labelledby="ent-title">
        <h2 id="ent-title">已登记企业</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">名称（曾用名）</th>
              <th scope="col">代码</th>
              <th scope="col">证照</th>
              <th scope="col">法定代表人</th>
              <th scope="col">状态</th>
              <th scope="col">执照图片</th>
            </tr>
          </thead>
          <tbody>
            {list.map((e, i) => (
              <tr key={e.code}>
                <td>
                  {e.name}
                  {histories[i]!.length ? <div className="muted">曾用名：{histories[i]!.map((h) => h.name).join('、')}</div> : null}
                </td>
                <td>
                  <code>{e.code}</code>
                </td>
                <td>{e.licenceType === 'business_licence' ? '营业执照' : '非营业执照'}</td>
                <td>
                  {e.legalRepName}
                  <div className="muted">
                    <code>{e.legalRepIdNumber}</code>
                  </div>
                </td>
                <td>{e.status === 'active' ? '存续' : '注销'}</td>
                <td>
                  <a href={`/sim/licences/${e.code}`} download={`营业执照-${e.code}.png`}>
                    下载 PNG
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div className="grid2">
        <section className="panel" aria-labelledby="new-ent-title">
          <h2 id="new-ent-title">登记企业</h2>
          <SimForm
            id="new-ent"
            action={createEnterpriseAction}
            submitLabel="登记"
            fields={[
              { name: 'name', label: '企业名称' },
              { name: 'code', label: '统一社会信用代码或工商注册号', hint: '18 位统一社会信用代码或 15 位工商注册号，校验位须正确' },
              { name: 'licenceType', label: '证照类型', type: 'select', options: LICENCE },
              { name: 'legalRepName', label: '法定代表人姓名' },
              { name: 'legalRepIdNumber', label: '法定代表人证件号码' },
              { name: 'status', label: '登记状态', type: 'select', options: STATUS },
              { name: 'address', label: '住所', optional: true, hint: '不填则按代码生成' },
            ]}
          />
        </section>
        <section className="panel" aria-labelledby="edit-ent-title">
          <h2 id="edit-ent-title">变更登记（改名保留曾用名）</h2>
          <SimForm
            id="edit-ent"
            action={updateEnterpriseAction}
            submitLabel="变更"
            fields={[
              { name: 'code', label: '企业', type: 'select', options: list.map((e) => ({ value: e.code, label: `${e.name}（${e.code}）` })) },
              { name: 'name', label: '新名称', optional: true },
              { name: 'legalRepName', label: '新法定代表人姓名', optional: true },
              { name: 'legalRepIdNumber', label: '新法定代表人证件号码', optional: true },
              { name: 'status', label: '登记状态', type: 'select', options: [{ value: '', label: '不变' }, ...STATUS] },
            ]}
          />
        </section>
      </div>
    </>
  );
}
