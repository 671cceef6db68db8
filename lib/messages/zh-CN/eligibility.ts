import type { MessageEntry } from '../format';
import { verificationMessages } from './verification';

/**
 * 认证前检查 (SPEC §13; lib/domain/eligibility/verification-eligibility.ts): what each row
 * says. The registry refusals reuse the error table's sentences (the wizard's own words).
 */
type Target = 'personal' | 'enterprise';
const TARGET = { personal: '个人认证', enterprise: '企业认证' } as const;
const NOUN = { personal: '该证件', enterprise: '该企业' } as const;
const VERIFIED = { person: '个人', enterprise: '企业' } as const;
const PROCESS: Record<string, string> = { personal_verification: '个人认证', enterprise_verification: '企业认证', subject_change: '认证主体变更申请' };

/** A method's short name in a summary: 微信扫码 rather than the option's 微信扫码（即时完成）. */
function shortMethodName(method: string): string {
  const labels: Record<string, unknown> = verificationMessages;
  const personal = labels[`verification.personalMethod.${method}`];
  if (typeof personal === 'string') return personal.replace(/（[^）]*）$/, '');
  const name = labels[`verification.method.${method}`];
  return typeof name === 'string' ? name : method;
}
const methodNames = (p: { methods: string }) => p.methods.split(',').map(shortMethodName).join('、');

export const eligibilityMessages = {
  'eligibility.standing.ownIdentity': (p: { target: Target }) => `${NOUN[p.target]}已是本账号当前的认证主体，无需再次认证`,
  'eligibility.standing.enterpriseToPerson': '本账号已完成企业实名认证，企业认证主体不能变更为个人主体',
  'eligibility.standing.changeInProgress': (p: { verified: keyof typeof VERIFIED }) =>
    `本账号已完成${VERIFIED[p.verified]}实名认证，且有一个进行中的认证主体变更申请：新的认证主体须在该申请中认证`,
  'eligibility.standing.viaChange': (p: { verified: keyof typeof VERIFIED; target: Target }) =>
    `本账号已完成${VERIFIED[p.verified]}实名认证：如需改用${NOUN[p.target]}认证，须通过修改认证主体办理，变更完成前账号仍归属当前认证主体`,
  'eligibility.standing.continue': (p: { target: Target }) => `您有一个进行中的${TARGET[p.target]}，开始认证将继续该申请（可返回修改认证信息）`,
  'eligibility.standing.otherProcess': (p: { process: string; target: Target }) =>
    `您有一个进行中的${PROCESS[p.process] ?? '认证申请'}，须先继续完成或撤销后才能开始${TARGET[p.target]}`,
  'eligibility.standing.fresh': '本账号尚未实名认证，可以开始认证',

  'eligibility.next.start': '开始认证',
  'eligibility.next.continue': '继续认证',
  'eligibility.next.continueChange': '继续变更',
  'eligibility.next.change': '修改认证主体',

  'eligibility.slots.personal.left': '该证件还可实名认证 {left} 个账号（同 1 个身份信息最多 {limit} 个）',
  'eligibility.slots.personal.full': '该证件实名认证的账号数量已达上限（{limit} 个），无法继续认证',
  'eligibility.slots.enterprise.left': '该企业还可实名认证 {left} 个账号（该企业上限 {limit} 个）',
  'eligibility.slots.enterprise.full': '该企业实名认证的账号数量已达上限（{limit} 个），无法继续认证',

  'eligibility.summary.none': '当前没有可用的认证方式',
  'eligibility.summary.viaChange': (p: { methods: string }) => `可通过修改认证主体认证，可用方式：${methodNames(p)}`,
  'eligibility.summary.canStart': (p: { methods: string }) => `可以开始认证，可用方式：${methodNames(p)}`,

  'eligibility.age.fromChannel': '年龄将在认证时由渠道返回的出生日期核验（须年满 18 周岁）',
  'eligibility.age.adult': '已年满 18 周岁',
  'eligibility.age.minor': '根据相关规定，未满 18 周岁不能进行实名认证',

  'eligibility.method.permitOnlyWechat': '港澳台居民来往内地（大陆）通行证持有人仅可使用微信扫码认证',
  'eligibility.method.personToPersonOnly': '变更个人主体时，新的认证主体仅可使用微信扫码或人脸识别认证',
  'eligibility.method.unavailable': '暂不可使用此方式',
  'eligibility.method.noLegalRep': '工商登记系统中未登记该企业的法定代表人，无法使用企业法人认证方式',

  'eligibility.needs.wechat': '请使用本人微信扫码，微信需绑定银行卡',
  'eligibility.needs.face': '本人完成活体检测并与证件照片比对',
  'eligibility.needs.qq': '请使用本人手机QQ扫码，手机QQ需绑定银行卡',
  'eligibility.needs.oa': '须由已认证为该企业名称的微信公众号管理员扫码授权',
  'eligibility.needs.legal_rep_wechat': '须由工商登记的法定代表人本人（中国大陆居民身份证）使用已绑定银行卡的微信扫码',
  'eligibility.needs.legal_rep_face': '须由工商登记的法定代表人本人（中国大陆居民身份证）完成人脸识别',
  'eligibility.needs.recharge': '须从以企业名称开户的对公账户转入随机金额',
  'eligibility.needs.payout': '须填写企业对公银行账户，经审核后向该账户打款并回填金额',

  'eligibility.registry.active': '工商登记状态：存续，企业名称与代码一致',
  'eligibility.registry.notBusinessLicence': '非营业执照主体不经工商登记系统核验，请按登记证书填写',
  'eligibility.registry.organisationCode': '组织机构代码不经工商登记系统核验，请按证照填写',
  'eligibility.registry.otherCode': '该代码不经工商登记系统核验，请按证照填写',
} as const satisfies Record<string, MessageEntry>;
