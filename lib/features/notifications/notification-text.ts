import { text, textOf, type MessageCode, type MessageParams } from '@/lib/messages';
import type { NoticeWords, NotificationEvent } from './notification-event';

export interface NotificationText {
  /** 站内信 title and the e-mail subject. */
  title: string;
  /** 站内信 and e-mail body. */
  body: string;
  /** SMS and WeChat template message: one short line, signed. */
  short: string;
}

const words = (w: NoticeWords): string => (typeof w === 'string' ? w : textOf(w));

function notice(title: MessageCode, body: MessageCode, params: MessageParams = {}, short: MessageCode = body): NotificationText {
  return { title: text(title, params), body: text(body, params), short: `${text('notification.signature')}${text(short, params)}` };
}

/**
 * The words of one event (catalogue section notifications), rendered when the notice is
 * written: the 站内信, the outbox rows and what is finally delivered hold the same text.
 */
export function notificationText(event: NotificationEvent): NotificationText {
  switch (event.kind) {
    case 'verification_succeeded':
      return notice('notification.verification_succeeded.title', 'notification.verification_succeeded.body', { method: words(event.method), subject: text(`notification.subject.${event.subject}`) });
    case 'verification_failed':
      return notice(
        'notification.verification_failed.title',
        'notification.verification_failed.body',
        { method: words(event.method), subject: text(`notification.subject.${event.subject}`), reason: words(event.reason) },
        'notification.verification_failed.short',
      );
    case 'review_approved':
      return notice('notification.review_approved.title', 'notification.review_approved.body', { what: words(event.what) });
    case 'review_rejected':
      return notice(
        'notification.review_rejected.title',
        'notification.review_rejected.body',
        { what: words(event.what), fixes: event.fixes.map(words).join('\n') },
        'notification.review_rejected.short',
      );
    case 'payout_sent':
      return notice('notification.payout_sent.title', 'notification.payout_sent.body', { bankAccountMasked: event.bankAccountMasked, expectedBy: event.expectedBy });
    case 'payout_arrived':
      return notice('notification.payout_arrived.title', 'notification.payout_arrived.body', { bankAccountMasked: event.bankAccountMasked, deadline: event.deadline });
    case 'payout_failed':
      return notice('notification.payout_failed.title', 'notification.payout_failed.body', { reason: words(event.reason) });
    case 'deadline_approaching':
      return notice('notification.deadline_approaching.title', 'notification.deadline_approaching.body', { what: words(event.what), deadline: event.deadline });
    case 'deadline_passed':
      return notice('notification.deadline_passed.title', 'notification.deadline_passed.body', { what: words(event.what) });
    case 'change_completed':
      if (event.update) return notice('notification.change_updated.title', 'notification.change_updated.body', { subjectName: event.subjectName, update: words(event.update) });
      return notice('notification.change_completed.title', 'notification.change_completed.body', { subjectName: event.subjectName });
    case 'change_cancelled':
      return notice('notification.change_cancelled.title', 'notification.change_cancelled.body');
    case 'change_expired':
      return notice('notification.change_expired.title', 'notification.change_expired.body');
    case 'recharge_receiving_account':
      // The provider's own receiving account: not personal data, the payer needs it whole.
      return notice('notification.recharge_receiving_account.title', 'notification.recharge_receiving_account.body', {
        holderName: event.holderName,
        accountNumber: event.accountNumber,
        bank: event.bank,
        amount: event.amount,
        deadline: event.deadline,
      });
    case 'recharge_transfer_refunded':
      return notice(
        'notification.recharge_transfer_refunded.title',
        'notification.recharge_transfer_refunded.body',
        { amount: event.amount, reason: words(event.reason), chancesLeft: event.chancesLeft },
        'notification.recharge_transfer_refunded.short',
      );
    case 'withdrawal_settled':
      return notice('notification.withdrawal_settled.title', 'notification.withdrawal_settled.body', { amount: event.amount, bankAccountMasked: event.bankAccountMasked });
    case 'withdrawal_failed':
      return notice('notification.withdrawal_failed.title', 'notification.withdrawal_failed.body', { amount: event.amount, reason: words(event.reason) });
    case 'registry_change_found':
      return notice(
        'notification.registry_change_found.title',
        `notification.registry_change_found.${event.change}.body`,
        event.change === 'rename' ? { newName: event.newName } : {},
        `notification.registry_change_found.${event.change}.short`,
      );
  }
}

/**
 * The parameters of each kind's SMS template, in order ({1}, {2}…), for a provider that
 * sends only approved templates (Tencent Cloud SMS; README "Going live" lists each kind's
 * template). Short values a template variable takes — a kind, a masked account, an amount,
 * a date — and never an ID, bank or phone number, nor a name: the fixed text of the
 * template says the rest, and points to the console for the details (reasons, fixes).
 */
export function smsTemplateParams(event: NotificationEvent): string[] {
  switch (event.kind) {
    case 'verification_succeeded':
    case 'verification_failed':
      return [text(`notification.subject.${event.subject}`), words(event.method)];
    case 'review_approved':
    case 'review_rejected':
    case 'deadline_passed':
      return [words(event.what)];
    case 'payout_sent':
      return [event.bankAccountMasked, event.expectedBy];
    case 'payout_arrived':
      return [event.bankAccountMasked, event.deadline];
    case 'deadline_approaching':
      return [words(event.what), event.deadline];
    case 'recharge_receiving_account':
      // The receiving account's number stays out: a bank number is never a parameter (the console shows it).
      return [event.amount, event.deadline];
    case 'recharge_transfer_refunded':
      return [event.amount, String(event.chancesLeft)];
    case 'withdrawal_settled':
      return [event.amount, event.bankAccountMasked];
    case 'withdrawal_failed':
      return [event.amount];
    case 'payout_failed':
    case 'change_completed':
    case 'change_cancelled':
    case 'change_expired':
    case 'registry_change_found':
      return [];
  }
}
