import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { BANK_RETURN_STATES } from '@/lib/domain/balance';
import { RECHARGE_STATES } from '@/lib/domain/verification/recharge-machine';
import { accounts } from './accounts';
import { enterpriseVerifications } from './enterprise';

export const rechargeStateEnum = pgEnum('recharge_verification_state', RECHARGE_STATES);

/**
 * One issued amount of a recharge verification (SPEC R-E-RCH): who must pay (付款账户 =
 * 企业名称), how much (integer fen), until when (7 business days) and how many of its 2
 * chances wrong transfers used. A restart issues a new row with a new amount.
 */
export const rechargeVerifications = pgTable(
  'recharge_verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    enterpriseVerificationId: uuid('enterprise_verification_id')
      .notNull()
      .references(() => enterpriseVerifications.id),
    state: rechargeStateEnum('state').notNull(),
    /** 付款账户 as confirmed: equal to 企业名称. */
    payerName: text('payer_name').notNull(),
    amountFen: integer('amount_fen').notNull(),
    chancesUsed: integer('chances_used').notNull().default(0),
    /** The provider's receiving account when the amount was issued (收款户名 / 收款账户 / 收款银行): not personal data. */
    receivingHolderName: text('receiving_holder_name').notNull(),
    receivingAccountNumber: text('receiving_account_number').notNull(),
    receivingBank: text('receiving_bank').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    /** issuedAt + 7 business days (R-E-RCH 2). */
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    /** One business day before the deadline: the deadline_approaching notice is due. */
    remindAt: timestamp('remind_at', { withTimezone: true }).notNull(),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    /** recharge_chances_used / recharge_expired (lib/domain/verification/enterprise-outcome.ts). */
    failureCode: text('failure_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    index('recharge_verifications_enterprise_idx').on(t.enterpriseVerificationId, t.createdAt),
    // 运营看板: the period's issued amounts.
    index('recharge_verifications_issued_idx').on(t.issuedAt),
    // The sweeper's claims and the transfer matching read the open rows only.
    index('recharge_verifications_open_deadline_idx').on(t.deadline).where(sql`${t.state} = 'awaiting_transfer'`),
    index('recharge_verifications_open_remind_idx').on(t.remindAt).where(sql`${t.state} = 'awaiting_transfer' and ${t.remindedAt} is null`),
  ],
);

/** What became of an incoming transfer (R-E-RCH 3–4). `unattributed`: no open recharge it could be for (or one that had ended). */
export const TRANSFER_VERDICTS = ['match', 'wrong_amount', 'wrong_payer', 'unattributed'] as const;
export type TransferVerdict = (typeof TRANSFER_VERDICTS)[number];

/** A refund or a withdrawal on its way back through the bank: queued → requested (the bank accepted it) → settled, or failed. */
export const bankReturnStateEnum = pgEnum('bank_return_state', BANK_RETURN_STATES);

/**
 * Every transfer the bank reported into the provider's receiving account, once: the
 * bank's transferId is unique, so a repeated callback (even under a new webhook-id)
 * changes nothing. A transfer that does not complete a recharge is refunded.
 */
export const incomingTransfers = pgTable(
  'incoming_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    transferId: text('transfer_id').notNull(),
    accountId: uuid('account_id').references(() => accounts.id),
    rechargeId: uuid('recharge_id').references(() => rechargeVerifications.id),
    payerName: text('payer_name').notNull(),
    /** The paying account number, encrypted (SPEC §9); `payerAccountLast4` for display. */
    payerAccountEnc: text('payer_account_enc').notNull(),
    payerAccountLast4: text('payer_account_last4').notNull(),
    amountFen: integer('amount_fen').notNull(),
    verdict: text('verdict', { enum: TRANSFER_VERDICTS }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** Null when the money stays (the matching transfer, credited to the balance). The refund's reference is this row's id. */
    refundState: bankReturnStateEnum('refund_state'),
    refundId: text('refund_id'),
    refundFailure: text('refund_failure'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('incoming_transfers_transfer_id_key').on(t.transferId),
    index('incoming_transfers_recharge_idx').on(t.rechargeId),
    index('incoming_transfers_refund_due_idx').on(t.createdAt).where(sql`${t.refundState} = 'pending'`),
  ],
);

export const balanceEntryKindEnum = pgEnum('balance_entry_kind', ['recharge_credit', 'withdrawal']);

/**
 * The account balance (余额) as a ledger in fen: a credit per matched recharge transfer
 * (with the account it came from), a withdrawal (原路提现) per request, debited when
 * requested. A failed withdrawal no longer counts: the money is back on the balance.
 * At most one live withdrawal per credit (each takes the credit's whole remainder).
 */
export const balanceEntries = pgTable(
  'balance_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: balanceEntryKindEnum('kind').notNull(),
    /** Always positive; the kind says credit or debit. */
    amountFen: integer('amount_fen').notNull(),
    /** Credits: the matched transfer. */
    incomingTransferId: uuid('incoming_transfer_id').references(() => incomingTransfers.id),
    /** Withdrawals: the credit whose money goes back the way it came. */
    creditEntryId: uuid('credit_entry_id').references((): AnyPgColumn => balanceEntries.id),
    /** The paying account (credits) or the account paid back (withdrawals): holder name, encrypted number, last 4. */
    holderName: text('holder_name').notNull(),
    bankAccountEnc: text('bank_account_enc').notNull(),
    bankAccountLast4: text('bank_account_last4').notNull(),
    /** Credits are `settled` at once; withdrawals go pending → requested → settled, or failed. */
    state: bankReturnStateEnum('state').notNull(),
    withdrawalId: text('withdrawal_id'),
    failureCode: text('failure_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [
    index('balance_entries_account_idx').on(t.accountId, t.createdAt),
    uniqueIndex('balance_entries_one_live_withdrawal_idx').on(t.creditEntryId).where(sql`${t.kind} = 'withdrawal' and ${t.state} <> 'failed'`),
    index('balance_entries_withdrawal_due_idx').on(t.createdAt).where(sql`${t.kind} = 'withdrawal' and ${t.state} = 'pending'`),
  ],
);

export type RechargeVerificationRow = typeof rechargeVerifications.$inferSelect;
export type IncomingTransferRow = typeof incomingTransfers.$inferSelect;
export type BalanceEntryRow = typeof balanceEntries.$inferSelect;

/** Encryption contexts (lib/security/crypto) of the columns above, and the account process kinds. */
/** Encryption context of a payer's (or a withdrawal's) bank account number (SPEC §9). */
export const BANK_ACCOUNT_CONTEXT = 'recharge.bank_account';
