import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { databaseClock } from '@/lib/clock';
import { makeRegistrationNumber, makeResidentId, makeUscc } from '@/lib/domain/identity';
import { generatedDetails } from './registry/details';
import { bankAccounts, bankSettings, enterpriseNames, enterprises, oaAccounts, phoneUsers, type RegistryLicenceType, type RegistryStatus } from './schema';

/**
 * The demo world (lib/simulators/README.md lists it for newcomers): people with and
 * without bank cards, permit holders, a minor, enterprises of both licence types
 * (one deregistered each), Official Accounts and corporate bank accounts. Every
 * identifier is made by the checksum generators, so every one is valid.
 */

const id = {
  zhangWei: makeResidentId('110105', '19900307', '011'),
  liNa: makeResidentId('310104', '19851122', '024'),
  wangFang: makeResidentId('440305', '19920815', '046'),
  liuXiaoyu: makeResidentId('330106', '20110905', '013'), // a minor until 2029-09-05 (R-LIM-4)
  zhaoJianguo: makeResidentId('110108', '19750412', '031'),
  sunLi: makeResidentId('440305', '19800229', '062'),
  zhouHai: makeResidentId('320102', '19680710', '057'),
};

export const DEMO_WECHAT_USERS = [
  { id: 'wxu_demo_zhangwei', name: '张伟', idType: 'resident_id', idNumber: id.zhangWei, birthDate: '1990-03-07', bankCard: true },
  { id: 'wxu_demo_lina', name: '李娜', idType: 'resident_id', idNumber: id.liNa, birthDate: '1985-11-22', bankCard: true },
  { id: 'wxu_demo_wangfang', name: '王芳', idType: 'resident_id', idNumber: id.wangFang, birthDate: '1992-08-15', bankCard: false },
  { id: 'wxu_demo_chendawen', name: '陈大文', idType: 'hk_macau_permit', idNumber: 'H12345678', birthDate: '1988-06-01', bankCard: true },
  { id: 'wxu_demo_linzhiming', name: '林志明', idType: 'taiwan_permit', idNumber: '87654321', birthDate: '1979-01-20', bankCard: true },
  { id: 'wxu_demo_liuxiaoyu', name: '刘小雨', idType: 'resident_id', idNumber: id.liuXiaoyu, birthDate: '2011-09-05', bankCard: true },
  { id: 'wxu_demo_zhaojianguo', name: '赵建国', idType: 'resident_id', idNumber: id.zhaoJianguo, birthDate: '1975-04-12', bankCard: true },
  { id: 'wxu_demo_sunli', name: '孙丽', idType: 'resident_id', idNumber: id.sunLi, birthDate: '1980-02-29', bankCard: true },
] as const;

export const DEMO_QQ_USERS = [
  { id: 'qqu_demo_zhangwei', name: '张伟', idType: 'resident_id', idNumber: id.zhangWei, birthDate: '1990-03-07', bankCard: true },
  { id: 'qqu_demo_lina', name: '李娜', idType: 'resident_id', idNumber: id.liNa, birthDate: '1985-11-22', bankCard: false },
  { id: 'qqu_demo_zhaojianguo', name: '赵建国', idType: 'resident_id', idNumber: id.zhaoJianguo, birthDate: '1975-04-12', bankCard: true },
] as const;

interface DemoEnterprise {
  code: string;
  name: string;
  licenceType: RegistryLicenceType;
  legalRepName: string;
  legalRepIdNumber: string;
  status: RegistryStatus;
  formerName?: { name: string; until: string };
}

export const DEMO_ENTERPRISES: DemoEnterprise[] = [
  {
    code: makeUscc('91110108', 'MA01XY2K'),
    name: '北京星河数智科技有限公司',
    licenceType: 'business_licence',
    legalRepName: '赵建国',
    legalRepIdNumber: id.zhaoJianguo,
    status: 'active',
    formerName: { name: '北京星河网络技术有限公司', until: '2023-05-16T02:00:00.000Z' },
  },
  { code: makeUscc('92440300', 'MA5FXY2K'), name: '深圳市南山区老王记粤菜馆', licenceType: 'business_licence', legalRepName: '孙丽', legalRepIdNumber: id.sunLi, status: 'active' },
  { code: makeRegistrationNumber('33010600012345'), name: '杭州西溪文创有限公司', licenceType: 'business_licence', legalRepName: '张伟', legalRepIdNumber: id.zhangWei, status: 'active' },
  { code: makeUscc('91310115', 'MA1H2B3C'), name: '上海沪联贸易有限公司', licenceType: 'business_licence', legalRepName: '李娜', legalRepIdNumber: id.liNa, status: 'deregistered' },
  { code: makeUscc('12440300', '45575880'), name: '深圳市南山区青少年科技创新服务中心', licenceType: 'other', legalRepName: '周海', legalRepIdNumber: id.zhouHai, status: 'active' },
  { code: makeUscc('51110000', '50001234'), name: '北京开源软件促进会', licenceType: 'other', legalRepName: '张伟', legalRepIdNumber: id.zhangWei, status: 'active' },
  { code: makeUscc('52110108', 'MJ0123AB'), name: '北京市海淀区星光培训学校', licenceType: 'other', legalRepName: '李娜', legalRepIdNumber: id.liNa, status: 'deregistered' },
];

export const DEMO_OA_ACCOUNTS = [
  { id: 'oa_demo_xinghe', name: '星河数智', verifiedEnterpriseName: '北京星河数智科技有限公司', adminWechatUserId: 'wxu_demo_zhaojianguo' },
  { id: 'oa_demo_laowangji', name: '老王记粤菜', verifiedEnterpriseName: '深圳市南山区老王记粤菜馆', adminWechatUserId: 'wxu_demo_sunli' },
  { id: 'oa_demo_kaiyuan', name: '开源促进会', verifiedEnterpriseName: '北京开源软件促进会', adminWechatUserId: 'wxu_demo_zhangwei' },
  // Verified under a name that is not the registry's: R-E-OA refuses it.
  { id: 'oa_demo_xinghe_old', name: '星河网络', verifiedEnterpriseName: '北京星河网络技术有限公司', adminWechatUserId: 'wxu_demo_zhaojianguo' },
  { id: 'oa_demo_unverified', name: '星河生活号', verifiedEnterpriseName: null, adminWechatUserId: 'wxu_demo_zhangwei' },
] as const;

export const DEMO_BANK_ACCOUNTS = [
  { number: '110912345610101', holderName: '北京星河数智科技有限公司', bank: '招商银行北京分行' },
  { number: '4000023409200123456', holderName: '深圳市南山区老王记粤菜馆', bank: '中国工商银行深圳南山支行' },
  { number: '33050161672700001234', holderName: '杭州西溪文创有限公司', bank: '中国建设银行杭州西溪支行' },
  { number: '44201501100052512345', holderName: '深圳市南山区青少年科技创新服务中心', bank: '中国建设银行深圳分行' },
  { number: '0200004509000123456', holderName: '北京开源软件促进会', bank: '中国工商银行北京海淀支行' },
] as const;

/**
 * Creates the demo world where it is missing; rows that exist are left as they are, so
 * running it again (or after a tester changed things) is harmless. Answers how many
 * rows it added.
 */
export async function seedSimulatedWorld(db: Db): Promise<{ added: number }> {
  const start = (await databaseClock(db).now()).getTime();
  let n = 0;
  // One millisecond apart, so that lists ordered by creation show the world in this order.
  const nextMoment = () => new Date(start + n++);
  let added = 0;
  const count = (rows: unknown[]) => (added += rows.length);

  for (const u of DEMO_WECHAT_USERS) {
    count(await db.insert(phoneUsers).values({ ...u, channel: 'wechat', createdAt: nextMoment() }).onConflictDoNothing().returning({ id: phoneUsers.id }));
  }
  for (const u of DEMO_QQ_USERS) {
    count(await db.insert(phoneUsers).values({ ...u, channel: 'qq', createdAt: nextMoment() }).onConflictDoNothing().returning({ id: phoneUsers.id }));
  }
  for (const { formerName, ...e } of DEMO_ENTERPRISES) {
    const values = { ...e, ...generatedDetails(e.code, e.licenceType), createdAt: nextMoment(), updatedAt: new Date(start) };
    const rows = await db.insert(enterprises).values(values).onConflictDoNothing().returning({ code: enterprises.code });
    count(rows);
    if (formerName && rows.length > 0) {
      const [known] = await db
        .select({ id: enterpriseNames.id })
        .from(enterpriseNames)
        .where(and(eq(enterpriseNames.code, e.code), eq(enterpriseNames.name, formerName.name)));
      if (!known) count(await db.insert(enterpriseNames).values({ code: e.code, name: formerName.name, until: new Date(formerName.until) }).returning({ id: enterpriseNames.id }));
    }
  }
  for (const a of DEMO_OA_ACCOUNTS) {
    count(await db.insert(oaAccounts).values({ ...a, createdAt: nextMoment() }).onConflictDoNothing().returning({ id: oaAccounts.id }));
  }
  for (const a of DEMO_BANK_ACCOUNTS) {
    count(await db.insert(bankAccounts).values({ ...a, createdAt: nextMoment() }).onConflictDoNothing().returning({ number: bankAccounts.number }));
  }
  count(await db.insert(bankSettings).values({ id: 1, payoutDelayBusinessDays: 1 }).onConflictDoNothing().returning({ id: bankSettings.id }));
  return { added };
}
