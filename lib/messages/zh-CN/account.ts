import type { MessageEntry } from '../format';

/** The account's own pages and refusals (sign-in, 两步验证, e-mail links, 余额, 登录设备, CDN). */
export const accountMessages = {
  // 「…，请 N 分钟后再试」 for refused rate-limit takes (lib/security/rate-limit.ts retryLaterMinutes).
  'account.signIn.lockedAccount': '该账号登录失败次数过多，请 {minutes} 分钟后再试',
  'account.signIn.lockedAddress': '当前网络登录失败次数过多，请 {minutes} 分钟后再试',
  'account.twoFactor.locked': '验证码错误次数过多，请 {minutes} 分钟后再试',
  'account.passwordReset.limited': '重置密码邮件发送过于频繁，请稍后再试',
  'account.emailConfirmation.limited': '验证邮件发送过于频繁，请稍后再试（每小时最多 3 封）',

  // R-OWN-5: {missing} lists the contact data still missing (comma-separated labels).
  'account.cdn.incomplete': (p: { missing: string }) => `开启使用CDN服务前，请先补充${p.missing.split(',').join('、')}`,

  // 登录设备.
  'account.session.unknownDevice': '未知浏览器',
  'account.session.unknownAddress': '未知',

  // 余额 and its history.
  'account.balance.kind.recharge_credit': '充值认证入账',
  'account.balance.kind.withdrawal': '原路提现',
  'account.balance.state.recharge_credit': '已入账',
  'account.balance.state.withdrawal.pending': '处理中',
  'account.balance.state.withdrawal.requested': '处理中',
  'account.balance.state.withdrawal.settled': '已到账',
  'account.balance.state.withdrawal.failed': '提现失败，已返还余额',
} as const satisfies Record<string, MessageEntry>;
