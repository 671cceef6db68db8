import { describe, expect, it } from 'vitest';
import * as inboxRoute from '@/app/api/sim/bank/accounts/[number]/inbox/route';
import * as accountsRoute from '@/app/api/sim/bank/accounts/route';
import * as settingsRoute from '@/app/api/sim/bank/settings/route';
import * as transfersRoute from '@/app/api/sim/bank/transfers/route';
import * as clockRoute from '@/app/api/sim/clock/route';
import * as payoutsRoute from '@/app/api/sim/providers/bank/payouts/route';
import * as receivingRoute from '@/app/api/sim/providers/bank/receiving-account/route';
import * as refundsRoute from '@/app/api/sim/providers/bank/refunds/route';
import * as withdrawalsRoute from '@/app/api/sim/providers/bank/withdrawals/route';
import { deliverDueCallbacks } from '@/lib/simulators/callbacks';
import { call, callbackRecorder, providerHeaders, uniqueAccountNumber, setUpSimDatabase } from './support';

const sim = setUpSimDatabase();

async function newAccount(holderName = '北京星河数智科技有限公司') {
  const number = uniqueAccountNumber();
  const r = await call(accountsRoute.POST, { body: { holderName, number, bank: '招商银行北京分行' } });
  expect(r.status).toBe(201);
  return number;
}

const DAY = 24 * 3600;

describe('POST /api/sim/bank/accounts (SPEC §11.1)', () => {
  it('opens a corporate account and answers 201 {id: number}', async () => {
    const number = uniqueAccountNumber();

    const r = await call(accountsRoute.POST, { body: { holderName: '北京星河数智科技有限公司', number: `${number.slice(0, 4)} ${number.slice(4)}`, bank: '招商银行' } });

    expect(r.status).toBe(201);
    expect(r.json).toEqual({ id: number }); // spaces as printed on a passbook are dropped
  });

  it('answers 400 naming number for letters, and 409 naming number for a second account with it', async () => {
    const bad = await call(accountsRoute.POST, { body: { holderName: '某公司', number: '12AB5678', bank: '招商银行' } });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { field: 'number' } });

    const number = await newAccount();
    const dup = await call(accountsRoute.POST, { body: { holderName: '某公司', number, bank: '招商银行' } });
    expect(dup.status).toBe(409);
    expect(dup.json).toMatchObject({ error: { field: 'number' } });
  });
});

describe('POST /api/sim/bank/transfers (SPEC §11.1, R-E-RCH)', () => {
  it('records a transfer to the receiving account and notifies the product with a signed transfer.received', async () => {
    const from = await newAccount('深圳市南山区老王记粤菜馆');

    const r = await call(transfersRoute.POST, { body: { fromAccount: from, amountFen: 37 } });

    expect(r.status).toBe(201);
    const transferId = (r.json as { id: string }).id;
    const product = callbackRecorder();
    await deliverDueCallbacks(sim.world, { fetch: product.fetch });
    const sent = product.received.find((c) => c.event.data.transferId === transferId);
    expect(sent?.url).toBe('http://localhost:3000/api/callbacks/bank');
    expect(sent?.event).toEqual({
      type: 'transfer.received',
      data: { transferId, fromAccount: from, fromName: '深圳市南山区老王记粤菜馆', amountFen: 37, receivedAt: expect.any(String) },
    });
    expect(sent?.headers['webhook-signature']).toMatch(/^v1,/);
  });

  it('answers 400 naming amountFen for a fraction of a fen, and fromAccount for an unknown account', async () => {
    const from = await newAccount();
    const r = await call(transfersRoute.POST, { body: { fromAccount: from, amountFen: 0.5 } });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: { field: 'amountFen' } });
    expect((await call(transfersRoute.POST, { body: { fromAccount: uniqueAccountNumber(), amountFen: 1 } })).json).toMatchObject({ error: { field: 'fromAccount' } });
  });
});

describe('PATCH /api/sim/bank/settings (SPEC §11.1)', () => {
  it('sets the payout delay in business days', async () => {
    const r = await call(settingsRoute.PATCH, { method: 'PATCH', body: { payoutDelayBusinessDays: 3 } });

    expect(r.status).toBe(200);
    expect((await call(settingsRoute.GET)).json).toEqual({ payoutDelayBusinessDays: 3 });
    await call(settingsRoute.PATCH, { method: 'PATCH', body: { payoutDelayBusinessDays: 1 } });
  });

  it('answers 400 naming payoutDelayBusinessDays for a negative or fractional delay', async () => {
    for (const value of [-1, 1.5, '2']) {
      const r = await call(settingsRoute.PATCH, { method: 'PATCH', body: { payoutDelayBusinessDays: value } });
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ error: { field: 'payoutDelayBusinessDays' } });
    }
  });
});

describe('payouts, refunds and withdrawals reach the inbox (GET /api/sim/bank/accounts/{number}/inbox)', () => {
  it('a payout arrives after the business-day delay, then shows in the inbox with a signed payout.settled', async () => {
    await call(settingsRoute.PATCH, { method: 'PATCH', body: { payoutDelayBusinessDays: 1 } });
    const to = await newAccount('北京星河数智科技有限公司');
    const payout = await call(payoutsRoute.POST, {
      headers: providerHeaders('bank'),
      body: { reference: 'ver-pay-1', toAccount: to, holderName: '北京星河数智科技有限公司', bank: '招商银行北京分行', amountFen: 23 },
    });
    expect(payout.status).toBe(201);
    expect(payout.json).toEqual({ payoutId: expect.stringMatching(/^pay_/), status: 'pending', expectedArrival: expect.any(String) });
    expect((await call(inboxRoute.GET, { params: { number: to } })).json).toEqual([]);

    // One business day is at most ~10 calendar days away, even across Spring Festival (exact dates: business-days.test.ts).
    await call(clockRoute.POST, { body: { advanceSeconds: 12 * DAY } });

    const inbox = await call(inboxRoute.GET, { params: { number: to } });
    expect(inbox.status).toBe(200);
    expect(inbox.json).toEqual([expect.objectContaining({ amountFen: 23, from: '云端计算科技（北京）有限公司', arrivedAt: (payout.json as { expectedArrival: string }).expectedArrival, kind: 'payout' })]);
    const product = callbackRecorder();
    await deliverDueCallbacks(sim.world, { fetch: product.fetch });
    expect(product.received.map((c) => c.event)).toContainEqual({
      type: 'payout.settled',
      data: { payoutId: (payout.json as { payoutId: string }).payoutId, reference: 'ver-pay-1', arrivedAt: (payout.json as { expectedArrival: string }).expectedArrival },
    });
  });

  it('a payout to a holder name that differs fails with holder_name_mismatch, to an unknown account with account_not_found', async () => {
    const to = await newAccount('北京星河数智科技有限公司');
    const mismatch = await call(payoutsRoute.POST, {
      headers: providerHeaders('bank'),
      body: { reference: 'ver-pay-2', toAccount: to, holderName: '北京星河科技有限公司', bank: '招商银行', amountFen: 11 },
    });
    const unknown = await call(payoutsRoute.POST, {
      headers: providerHeaders('bank'),
      body: { reference: 'ver-pay-3', toAccount: uniqueAccountNumber(), holderName: '北京星河科技有限公司', bank: '招商银行', amountFen: 12 },
    });

    const product = callbackRecorder();
    await deliverDueCallbacks(sim.world, { fetch: product.fetch });
    const failed = product.received.filter((c) => c.event.type === 'payout.failed').map((c) => c.event.data);
    expect(failed).toContainEqual({ payoutId: (mismatch.json as { payoutId: string }).payoutId, reference: 'ver-pay-2', reason: 'holder_name_mismatch' });
    expect(failed).toContainEqual({ payoutId: (unknown.json as { payoutId: string }).payoutId, reference: 'ver-pay-3', reason: 'account_not_found' });
    await call(clockRoute.POST, { body: { advanceSeconds: 12 * DAY } });
    expect((await call(inboxRoute.GET, { params: { number: to } })).json).toEqual([]);
  });

  it('a refund returns a transfer to its account once; a second refund of it is refused with 409', async () => {
    const from = await newAccount('杭州西溪文创有限公司');
    const transfer = (await call(transfersRoute.POST, { body: { fromAccount: from, amountFen: 58 } })).json as { id: string };

    const refund = await call(refundsRoute.POST, { headers: providerHeaders('bank'), body: { reference: 'ver-rch-1', transferId: transfer.id } });
    const again = await call(refundsRoute.POST, { headers: providerHeaders('bank'), body: { reference: 'ver-rch-1', transferId: transfer.id } });

    expect(refund.status).toBe(201);
    expect(refund.json).toEqual({ refundId: expect.stringMatching(/^rfd_/) });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ error: { code: 'already_refunded', field: 'transferId' } });
    await call(clockRoute.POST, { body: { advanceSeconds: 12 * DAY } });
    expect((await call(inboxRoute.GET, { params: { number: from } })).json).toEqual([expect.objectContaining({ amountFen: 58, kind: 'refund' })]);
  });

  it('a withdrawal credits the account; an unknown account or another holder name is refused naming the field', async () => {
    const to = await newAccount('北京开源软件促进会');
    const ok = await call(withdrawalsRoute.POST, { headers: providerHeaders('bank'), body: { reference: 'bal-1', toAccount: to, holderName: '北京开源软件促进会', amountFen: 100 } });
    const wrongName = await call(withdrawalsRoute.POST, { headers: providerHeaders('bank'), body: { reference: 'bal-2', toAccount: to, holderName: '别的公司', amountFen: 100 } });

    expect(ok.status).toBe(201);
    expect(wrongName.status).toBe(422);
    expect(wrongName.json).toMatchObject({ error: { code: 'holder_name_mismatch', field: 'holderName' } });
    await call(clockRoute.POST, { body: { advanceSeconds: 12 * DAY } });
    expect((await call(inboxRoute.GET, { params: { number: to } })).json).toEqual([expect.objectContaining({ amountFen: 100, kind: 'withdrawal' })]);
  });

  it('answers 404 for the inbox of an unknown account', async () => {
    expect((await call(inboxRoute.GET, { params: { number: uniqueAccountNumber() } })).status).toBe(404);
  });

  it('tells the product where to transfer (GET receiving-account)', async () => {
    const r = await call(receivingRoute.GET, { headers: providerHeaders('bank') });

    expect(r.json).toEqual({ holderName: '云端计算科技（北京）有限公司', number: expect.stringMatching(/^\d+$/), bank: expect.any(String) });
  });
});
