import type { MessageEntry } from '../format';

/**
 * What users are told (SPEC §8): each notification's 站内信 title (also the e-mail subject),
 * its body (站内信 and e-mail) and, where it differs from the body, its short line (SMS and
 * WeChat), rendered by the notifications module when the notice is written
 * (lib/features/notifications/notification-text.ts). Parameters arrive already masked.
 */
export const notificationsMessages = {
  'notification.signature': '【云控制台】',
  'notification.subject.person': '个人',
  'notification.subject.enterprise': '企业',

  'notification.verification_succeeded.title': '实名认证成功',
  'notification.verification_succeeded.body': '您的账号已通过{method}完成{subject}实名认证。',
  'notification.verification_failed.title': '实名认证失败',
  'notification.verification_failed.body': '您的{subject}实名认证（{method}）未通过：{reason}。您可以登录控制台重新认证。',
  'notification.verification_failed.short': '您的{subject}实名认证未通过：{reason}。',
  'notification.review_approved.title': '审核通过',
  'notification.review_approved.body': '您提交的{what}已审核通过。',
  'notification.review_rejected.title': '审核未通过',
  // `fixes`: one hint a line.
  'notification.review_rejected.body': (p: { what: string; fixes: string }) =>
    `您提交的${p.what}未通过审核，请按以下提示修改后重新提交：${p.fixes
      .split('\n')
      .map((f, i) => `${i + 1}. ${f}`)
      .join('；')}。`,
  'notification.review_rejected.short': '您提交的{what}未通过审核，请登录控制台查看修改提示。',
  'notification.payout_sent.title': '对公打款已发出',
  'notification.payout_sent.body': '我们已向尾号 {bankAccountMasked} 的对公账户打款，预计 {expectedBy} 前到账。',
  'notification.payout_arrived.title': '对公打款已到账',
  'notification.payout_arrived.body': '打款已到达尾号 {bankAccountMasked} 的对公账户。请在 {deadline} 前登录控制台填写收款金额完成认证。',
  'notification.payout_failed.title': '对公打款失败',
  'notification.payout_failed.body': '对公打款失败：{reason}。请登录控制台修改银行信息后重新提交。',
  'notification.deadline_approaching.title': '即将到期提醒',
  'notification.deadline_approaching.body': '您的{what}将于 {deadline} 到期，请尽快完成。',
  'notification.deadline_passed.title': '已过期',
  'notification.deadline_passed.body': '您的{what}已过期，如需继续请重新发起。',
  'notification.change_completed.title': '认证主体变更完成',
  'notification.change_completed.body': '您的账号认证主体已变更为“{subjectName}”。',
  // An amendment of the same subject (R-CHG-E2, R-CHG-E3): `update` says what was updated.
  'notification.change_updated.title': '认证信息变更完成',
  'notification.change_updated.body': '您的账号认证主体“{subjectName}”{update}。',
  'notification.change_cancelled.title': '认证主体变更已撤销',
  'notification.change_cancelled.body': '您的认证主体变更申请已撤销，账号仍归属原认证主体。',
  'notification.change_expired.title': '认证主体变更已过期',
  'notification.change_expired.body': '您的认证主体变更申请已过期，账号仍归属原认证主体。',
  'notification.recharge_receiving_account.title': '充值认证收款方信息',
  'notification.recharge_receiving_account.body':
    '收款户名：{holderName}；收款账户：{accountNumber}；收款银行：{bank}；转账金额：¥{amount}。请使用户名与企业名称一致的对公账户于 {deadline} 前转账。',
  'notification.recharge_transfer_refunded.title': '充值认证转账已退回',
  'notification.recharge_transfer_refunded.body': '您的一笔 ¥{amount} 转账{reason}，未能完成充值认证，款项将原路退回。剩余验证机会 {chancesLeft}/2。',
  'notification.recharge_transfer_refunded.short': '您的 ¥{amount} 转账{reason}，款项将原路退回，剩余验证机会 {chancesLeft}/2。',
  'notification.withdrawal_settled.title': '原路提现已到账',
  'notification.withdrawal_settled.body': '¥{amount} 已提现至尾号 {bankAccountMasked} 的付款账户。',
  'notification.withdrawal_failed.title': '原路提现失败',
  'notification.withdrawal_failed.body': '¥{amount} 原路提现失败：{reason}。',
  'notification.registry_change_found.title': '工商登记信息变更提醒',
  'notification.registry_change_found.rename.body': '工商登记信息显示您的认证企业名称已变更为“{newName}”。如需同步，请登录控制台在实名认证页面办理变更企业名称。',
  'notification.registry_change_found.rename.short': '工商登记信息显示您的认证企业名称已变更，请登录控制台办理变更企业名称。',
  'notification.registry_change_found.legal_rep.body': '工商登记信息显示您的认证企业法定代表人已变更。如需同步，请登录控制台在实名认证页面办理更新企业法人信息。',
  'notification.registry_change_found.legal_rep.short': '工商登记信息显示您的认证企业法定代表人已变更，请登录控制台更新企业法人信息。',
  'notification.registry_change_found.deregistered.body': '工商登记信息显示您的认证企业已注销。如账号需归属其他企业，请登录控制台在实名认证页面办理变更企业主体。',
  'notification.registry_change_found.deregistered.short': '工商登记信息显示您的认证企业已注销，请登录控制台查看。',

  // The `what` of a review case's decision: its kind (review.kind.*) — and of a deadline:
  'notification.what.change_request': '认证主体变更申请',
} as const satisfies Record<string, MessageEntry>;
