import type { MessageEntry } from '../format';

const PROCESS: Record<string, string> = { personal: '个人实名认证', enterprise: '企业实名认证', change: '认证主体变更申请' };
const BANK_METHOD: Record<string, string> = { payout: '企业对公打款认证', recharge: '充值认证' };

/**
 * Personal data (SPEC §13, SECURITY 21): what an account holds as the account manager sees
 * it, why 删除个人信息 must wait, and what the retention sweep tells a user it closed.
 */
export const privacyMessages = {
  'privacy.dataKind.email': '登录邮箱',
  'privacy.dataKind.idNumbers': '证件号码（本人、法人、联系人、经办人）',
  'privacy.dataKind.names': '姓名（本人、法人、联系人、经办人）',
  'privacy.dataKind.mobiles': '手机号',
  'privacy.dataKind.bankAccounts': '银行账号',
  'privacy.dataKind.files': '上传的文件（证照、证件照片、证明材料）',
  'privacy.dataKind.reviewItems': '审核材料',
  'privacy.dataKind.siteMessages': '站内信',
  'privacy.dataKind.outboxMessages': '邮件、短信、微信消息',
  'privacy.dataKind.birthDates': '认证渠道返回的出生日期',
  'privacy.dataKind.webhook': 'Webhook 回调地址和签名密钥',
  'privacy.dataKind.liveSessions': '有效的登录会话',

  /** `process`: personal, enterprise, change (other: 业务办理); `bank`: the enterprise's running bank method, or ''. */
  'privacy.redaction.processRunning': (p: { process: string; bank: string }) => {
    const what = PROCESS[p.process] ?? '业务办理';
    return `该账号有进行中的${p.bank ? `${what}（${BANK_METHOD[p.bank]}）` : what}，请等待其结束或由用户撤销后再删除个人信息`;
  },
  'privacy.redaction.bankReturnInFlight': '该账号有进行中的退款或提现，请等待银行处理完成后再删除个人信息',
  'privacy.redaction.balanceLeft': '该账号余额 {amount} 元尚未提现，请先由用户原路提现后再删除个人信息',
  'privacy.redaction.reasonRequired': '请填写删除原因',
  'privacy.redaction.confirmMismatch': '两次输入的账号ID不一致，请再次输入要删除个人信息的账号ID',

  /** What a 站内信 says the retention sweep closed (`days`: the idle days it waited). */
  'privacy.retention.idle.personal': '个人实名认证申请（{days} 天未操作）',
  'privacy.retention.idle.enterprise': '企业实名认证申请（{days} 天未操作）',
  'privacy.retention.idle.change': '认证主体变更申请（{days} 天未操作）',
} as const satisfies Record<string, MessageEntry>;
