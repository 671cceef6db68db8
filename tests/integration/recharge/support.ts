import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';
import { balanceEntries, incomingTransfers, rechargeVerifications } from '@/db/schema';
import { startEnterpriseVerification } from '@/lib/features/enterprise/start-enterprise-verification';
import { startRechargeVerification } from '@/lib/features/recharge/start-recharge-verification';
import { deliver, serviceContext, signedDelivery } from '../channels/support';
import { fakeChannels, type FakeChannels } from '../enterprise/support';
import { enterpriseInfo, newAccount, registryEnterprise } from '../support/factories';

export const RECEIVING = { holderName: '云控制台科技有限公司', number: '110060149018800012345', bank: '交通银行北京分行' };

type BankAnswer = Response | 'default';

/**
 * The enterprise tests' fake channels plus the bank of docs/channel-protocol.md: the
 * receiving account; refunds (one per transfer: a second → 409 already_refunded) and
 * withdrawals, each effect once per idempotency key. `bankScript` replaces the next
 * answers of refund/withdrawal calls (a 503, a 422…), after the effect unless told.
 */
export interface FakeBank extends FakeChannels {
  bankCalls: { path: string; key: string | null; body: Record<string, unknown> | null }[];
  /** Effects: refunds by transferId, withdrawals by idempotency key. */
  refunds: Map<string, { refundId: string; reference: string }>;
  withdrawals: Map<string, { withdrawalId: string; body: Record<string, unknown> }>;
  bankScript: ((call: { path: string }) => BankAnswer)[];
}

export function fakeBank(): FakeBank {
  const channels = fakeChannels();
  const bank: FakeBank = Object.assign(channels, {
    bankCalls: [] as FakeBank['bankCalls'],
    refunds: new Map<string, { refundId: string; reference: string }>(),
    withdrawals: new Map<string, { withdrawalId: string; body: Record<string, unknown> }>(),
    bankScript: [] as FakeBank['bankScript'],
  });
  const replies = new Map<string, Response>();
  const others = channels.fetch;
  bank.fetch = async (input, init) => {
    const url = String(input);
    const at = url.indexOf('/providers/bank/');
    if (at < 0) return others(input, init);
    const path = url.slice(at + '/providers/bank/'.length);
    const key = new Headers(init?.headers).get('idempotency-key');
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : null;
    bank.bankCalls.push({ path, key, body });
    if (path === 'receiving-account') return Response.json(RECEIVING);
    const scripted = bank.bankScript.shift()?.({ path });
    if (scripted && scripted !== 'default') return scripted;
    if (key && replies.has(key)) return replies.get(key)!.clone();
    let answer: Response;
    if (path === 'refunds') {
      const transferId = String(body?.transferId);
      if (bank.refunds.has(transferId)) answer = Response.json({ error: { code: 'already_refunded' } }, { status: 409 });
      else {
        const refundId = `rf_${randomUUID()}`;
        bank.refunds.set(transferId, { refundId, reference: String(body?.reference) });
        answer = Response.json({ refundId }, { status: 201 });
      }
    } else if (path === 'withdrawals') {
      const withdrawalId = `wd_${randomUUID()}`;
      bank.withdrawals.set(key ?? withdrawalId, { withdrawalId, body: body ?? {} });
      answer = Response.json({ withdrawalId }, { status: 201 });
    } else {
      answer = Response.json({ error: { code: 'not_found' } }, { status: 404 });
    }
    if (key) replies.set(key, answer.clone());
    return answer;
  };
  return bank;
}

/** An account with an enterprise verification at step 2 (draft). */
export async function draftVerification(db: Db, bank: FakeBank, at: Date) {
  const ctx = serviceContext(db, bank.fetch);
  const accountId = await newAccount(ctx, 'r');
  const e = registryEnterprise(bank);
  const { verificationId } = await startEnterpriseVerification(ctx, accountId, await enterpriseInfo(db, accountId, e, {}, at));
  return { accountId, verificationId, enterpriseName: e.name };
}

/** An account whose recharge is waiting for its transfer. */
export async function awaitingRecharge(db: Db, bank: FakeBank, at: Date) {
  const v = await draftVerification(db, bank, at);
  const { rechargeId } = await startRechargeVerification(serviceContext(db, bank.fetch), v.accountId, { verificationId: v.verificationId, payerName: v.enterpriseName });
  return { ...v, rechargeId, recharge: await rechargeRow(db, rechargeId) };
}

export async function rechargeRow(db: Db, id: string) {
  const [row] = await db.select().from(rechargeVerifications).where(eq(rechargeVerifications.id, id));
  return row!;
}

export async function transferRow(db: Db, transferId: string) {
  const [row] = await db.select().from(incomingTransfers).where(eq(incomingTransfers.transferId, transferId));
  return row;
}

export async function balanceRows(db: Db, accountId: string) {
  return db.select().from(balanceEntries).where(eq(balanceEntries.accountId, accountId));
}

export async function enterpriseRow(db: Db, id: string) {
  const [row] = rowsOf<{ state: string; method: string | null; failure_code: string | null }>(
    await db.execute(sql`select state, method, failure_code from enterprise_verifications where id = ${id}`),
  );
  return row!;
}

export function transferEvent(input: { transferId?: string; fromAccount?: string; fromName: string; amountFen: number }) {
  return {
    type: 'transfer.received',
    data: {
      transferId: input.transferId ?? `tr_${randomUUID()}`,
      fromAccount: input.fromAccount ?? '6222020200112233445',
      fromName: input.fromName,
      amountFen: input.amountFen,
      receivedAt: new Date().toISOString(),
    },
  };
}

/** Delivers a signed bank callback through the route handler; answers its HTTP status. */
export async function bankCallback(event: { type: string; data: Record<string, unknown> }, webhookId?: string): Promise<number> {
  return (await deliver('bank', signedDelivery('bank', event, webhookId ? { id: webhookId } : {}))).status;
}

/** Another amount than `fen`, still ¥0.01–¥0.99. */
export function otherAmount(fen: number): number {
  return fen === 99 ? 98 : fen + 1;
}
