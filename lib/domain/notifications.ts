/**
 * What users are told, and how (SPEC §8, issue 9): each event becomes one 站内信 and,
 * by the account's contact data, an e-mail, an SMS and a WeChat template message. The
 * texts are built from values the caller has already masked — an ID number, bank
 * account or mobile never appears in clear (SECURITY 22).
 */
export type NotificationEvent =
  | { kind: 'verification_succeeded'; subject: 'person' | 'enterprise'; method: string }
  | { kind: 'verification_failed'; subject: 'person' | 'enterprise'; method: string; reason: string }
  | { kind: 'review_approved'; what: string }
  | { kind: 'review_rejected'; what: string; fixes: string[] }
  | { kind: 'payout_sent'; bankAccountMasked: string; expectedBy: string }
  | { kind: 'payout_arrived'; bankAccountMasked: string; deadline: string }
  | { kind: 'payout_failed'; reason: string }
  | { kind: 'deadline_approaching'; what: string; deadline: string }
  | { kind: 'deadline_passed'; what: string }
  /** `update`: an amendment of the same subject (R-CHG-E2, R-CHG-E3) — what was updated, already masked. */
  | { kind: 'change_completed'; subjectName: string; update?: string }
  | { kind: 'change_cancelled' }
  | { kind: 'change_expired' }
  | { kind: 'recharge_receiving_account'; holderName: string; accountNumber: string; bank: string; amount: string; deadline: string }
  | { kind: 'recharge_transfer_refunded'; amount: string; reason: string; chancesLeft: number }
  | { kind: 'withdrawal_settled'; amount: string; bankAccountMasked: string }
  | { kind: 'withdrawal_failed'; amount: string; reason: string }
  /** SPEC §13 registry re-check: the business registry differs from the enterprise subject on file (`newName`: rename only; a company name is public). */
  | { kind: 'registry_change_found'; change: 'rename'; newName: string }
  | { kind: 'registry_change_found'; change: 'legal_rep' | 'deregistered' };

export interface NotificationText {
  /** 站内信 title and the e-mail subject. */
  title: string;
  /** 站内信 and e-mail body. */
  body: string;
  /** SMS and WeChat template message: one short line, signed. */
  short: string;
}

const SIGNATURE = '【云控制台】';
const SUBJECT_LABEL = { person: '个人', enterprise: '企业' } as const;

function text(title: string, body: string, short = body): NotificationText {
  return { title, body, short: `${SIGNATURE}${short}` };
}

/** The Chinese texts of one event. */
export function notificationText(event: NotificationEvent): NotificationText {
  switch (event.kind) {
    case 'verification_succeeded':
      return text('实名认证成功', `您的账号已通过${event.method}完成${SUBJECT_LABEL[event.subject]}实名认证。`);
    case 'verification_failed':
      return text(
        '实名认证失败',
        `您的${SUBJECT_LABEL[event.subject]}实名认证（${event.method}）未通过：${event.reason}。您可以登录控制台重新认证。`,
        `您的${SUBJECT_LABEL[event.subject]}实名认证未通过：${event.reason}。`,
      );
    case 'review_approved':
      return text('审核通过', `您提交的${event.what}已审核通过。`);
    case 'review_rejected':
      return text(
        '审核未通过',
        `您提交的${event.what}未通过审核，请按以下提示修改后重新提交：${event.fixes.map((f, i) => `${i + 1}. ${f}`).join('；')}。`,
        `您提交的${event.what}未通过审核，请登录控制台查看修改提示。`,
      );
    case 'payout_sent':
      return text('对公打款已发出', `我们已向尾号 ${event.bankAccountMasked} 的对公账户打款，预计 ${event.expectedBy} 前到账。`);
    case 'payout_arrived':
      return text(
        '对公打款已到账',
        `打款已到达尾号 ${event.bankAccountMasked} 的对公账户。请在 ${event.deadline} 前登录控制台填写收款金额完成认证。`,
      );
    case 'payout_failed':
      return text('对公打款失败', `对公打款失败：${event.reason}。请登录控制台修改银行信息后重新提交。`);
    case 'deadline_approaching':
      return text('即将到期提醒', `您的${event.what}将于 ${event.deadline} 到期，请尽快完成。`);
    case 'deadline_passed':
      return text('已过期', `您的${event.what}已过期，如需继续请重新发起。`);
    case 'change_completed':
      if (event.update) return text('认证信息变更完成', `您的账号认证主体“${event.subjectName}”${event.update}。`);
      return text('认证主体变更完成', `您的账号认证主体已变更为“${event.subjectName}”。`);
    case 'change_cancelled':
      return text('认证主体变更已撤销', '您的认证主体变更申请已撤销，账号仍归属原认证主体。');
    case 'change_expired':
      return text('认证主体变更已过期', '您的认证主体变更申请已过期，账号仍归属原认证主体。');
    case 'recharge_receiving_account':
      // The provider's own receiving account: not personal data, the payer needs it whole.
      return text(
        '充值认证收款方信息',
        `收款户名：${event.holderName}；收款账户：${event.accountNumber}；收款银行：${event.bank}；转账金额：¥${event.amount}。请使用户名与企业名称一致的对公账户于 ${event.deadline} 前转账。`,
      );
    case 'recharge_transfer_refunded':
      return text(
        '充值认证转账已退回',
        `您的一笔 ¥${event.amount} 转账${event.reason}，未能完成充值认证，款项将原路退回。剩余验证机会 ${event.chancesLeft}/2。`,
        `您的 ¥${event.amount} 转账${event.reason}，款项将原路退回，剩余验证机会 ${event.chancesLeft}/2。`,
      );
    case 'withdrawal_settled':
      return text('原路提现已到账', `¥${event.amount} 已提现至尾号 ${event.bankAccountMasked} 的付款账户。`);
    case 'withdrawal_failed':
      return text('原路提现失败', `¥${event.amount} 原路提现失败：${event.reason}。`);
    case 'registry_change_found':
      switch (event.change) {
        case 'rename':
          return text(
            '工商登记信息变更提醒',
            `工商登记信息显示您的认证企业名称已变更为“${event.newName}”。如需同步，请登录控制台在实名认证页面办理变更企业名称。`,
            '工商登记信息显示您的认证企业名称已变更，请登录控制台办理变更企业名称。',
          );
        case 'legal_rep':
          return text('工商登记信息变更提醒', '工商登记信息显示您的认证企业法定代表人已变更。如需同步，请登录控制台在实名认证页面办理更新企业法人信息。', '工商登记信息显示您的认证企业法定代表人已变更，请登录控制台更新企业法人信息。');
        case 'deregistered':
          return text('工商登记信息变更提醒', '工商登记信息显示您的认证企业已注销。如账号需归属其他企业，请登录控制台在实名认证页面办理变更企业主体。', '工商登记信息显示您的认证企业已注销，请登录控制台查看。');
      }
  }
}

/** Events an integrator's endpoint receives (SPEC §13), Standard Webhooks format. */
export const WEBHOOK_EVENT_TYPES = ['verification.completed', 'verification.failed', 'change.completed', 'change.cancelled', 'change.expired'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The most tries of one message or webhook before it is given up as failed. */
export const MAX_DELIVERY_ATTEMPTS = 8;

/**
 * Seconds to wait after failed try number `attempts` (1-based): 5 s, 30 s, 2 min, 10 min,
 * 30 min, 1 h, 3 h — about five hours in all before the 8th and last try.
 */
export function retryDelaySeconds(attempts: number): number {
  const schedule = [5, 30, 120, 600, 1800, 3600, 10800];
  return schedule[Math.min(Math.max(attempts, 1), schedule.length) - 1]!;
}
