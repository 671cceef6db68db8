import { describe, expect, it } from 'vitest';
import * as inboxOfAccount from '@/app/api/sim/bank/accounts/[number]/inbox/route';
import * as bankAccounts from '@/app/api/sim/bank/accounts/route';
import * as bankSettings from '@/app/api/sim/bank/settings/route';
import * as transfers from '@/app/api/sim/bank/transfers/route';
import * as callbacks from '@/app/api/sim/callbacks/route';
import * as clock from '@/app/api/sim/clock/route';
import * as inbox from '@/app/api/sim/inbox/route';
import * as licences from '@/app/api/sim/licences/route';
import * as oaAccounts from '@/app/api/sim/oa/accounts/route';
import * as payouts from '@/app/api/sim/providers/bank/payouts/route';
import * as receivingAccount from '@/app/api/sim/providers/bank/receiving-account/route';
import * as refunds from '@/app/api/sim/providers/bank/refunds/route';
import * as withdrawals from '@/app/api/sim/providers/bank/withdrawals/route';
import * as faceSessions from '@/app/api/sim/providers/face/sessions/route';
import * as messages from '@/app/api/sim/providers/notify/messages/route';
import * as oaSessions from '@/app/api/sim/providers/oa/auth-sessions/route';
import * as qqSessions from '@/app/api/sim/providers/qq/auth-sessions/route';
import * as registryLookup from '@/app/api/sim/providers/registry/enterprises/[code]/route';
import * as legalRepChecks from '@/app/api/sim/providers/registry/legal-rep-checks/route';
import * as wechatSessions from '@/app/api/sim/providers/wechat/auth-sessions/route';
import * as qqUsers from '@/app/api/sim/qq/users/route';
import * as enterprise from '@/app/api/sim/registry/enterprises/[code]/route';
import * as enterprises from '@/app/api/sim/registry/enterprises/route';
import * as act from '@/app/api/sim/sessions/[id]/act/route';
import * as session from '@/app/api/sim/sessions/[id]/route';
import * as wechatUsers from '@/app/api/sim/wechat/users/route';
import { call, providerHeaders, setUpSimDatabase, withSimulatorsDisabled } from './support';

setUpSimDatabase();

type AnyHandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const h = (handler: unknown) => handler as AnyHandler;

/** Every route under /api/sim: the §11.1 control API and the providers the product calls. */
const ROUTES: [string, AnyHandler, string, Record<string, string>?][] = [
  ['POST /api/sim/wechat/users', h(wechatUsers.POST), 'POST'],
  ['GET /api/sim/wechat/users', h(wechatUsers.GET), 'GET'],
  ['POST /api/sim/qq/users', h(qqUsers.POST), 'POST'],
  ['POST /api/sim/registry/enterprises', h(enterprises.POST), 'POST'],
  ['GET /api/sim/registry/enterprises', h(enterprises.GET), 'GET'],
  ['PATCH /api/sim/registry/enterprises/{code}', h(enterprise.PATCH), 'PATCH', { code: '91110108MA01XY2K7T' }],
  ['GET /api/sim/registry/enterprises/{code}', h(enterprise.GET), 'GET', { code: '91110108MA01XY2K7T' }],
  ['POST /api/sim/oa/accounts', h(oaAccounts.POST), 'POST'],
  ['POST /api/sim/bank/accounts', h(bankAccounts.POST), 'POST'],
  ['POST /api/sim/bank/transfers', h(transfers.POST), 'POST'],
  ['GET /api/sim/bank/accounts/{number}/inbox', h(inboxOfAccount.GET), 'GET', { number: '110912345610101' }],
  ['PATCH /api/sim/bank/settings', h(bankSettings.PATCH), 'PATCH'],
  ['GET /api/sim/sessions/{id}', h(session.GET), 'GET', { id: 'ses_x' }],
  ['POST /api/sim/sessions/{id}/act', h(act.POST), 'POST', { id: 'ses_x' }],
  ['GET /api/sim/inbox', h(inbox.GET), 'GET'],
  ['GET /api/sim/clock', h(clock.GET), 'GET'],
  ['POST /api/sim/clock', h(clock.POST), 'POST'],
  ['POST /api/sim/licences', h(licences.POST), 'POST'],
  ['GET /api/sim/callbacks', h(callbacks.GET), 'GET'],
  ['POST providers/wechat/auth-sessions', h(wechatSessions.POST), 'POST'],
  ['POST providers/qq/auth-sessions', h(qqSessions.POST), 'POST'],
  ['POST providers/face/sessions', h(faceSessions.POST), 'POST'],
  ['POST providers/oa/auth-sessions', h(oaSessions.POST), 'POST'],
  ['GET providers/registry/enterprises/{code}', h(registryLookup.GET), 'GET', { code: '91110108MA01XY2K7T' }],
  ['POST providers/registry/legal-rep-checks', h(legalRepChecks.POST), 'POST'],
  ['GET providers/bank/receiving-account', h(receivingAccount.GET), 'GET'],
  ['POST providers/bank/payouts', h(payouts.POST), 'POST'],
  ['POST providers/bank/refunds', h(refunds.POST), 'POST'],
  ['POST providers/bank/withdrawals', h(withdrawals.POST), 'POST'],
  ['POST providers/notify/messages', h(messages.POST), 'POST'],
];

describe('simulators disabled (SIMULATORS_ENABLED=false): everything under /api/sim is a plain 404', () => {
  it.each(ROUTES)('%s answers 404', async (_name, handler, method, params) => {
    const r = await withSimulatorsDisabled(() =>
      call(handler, { method, params, headers: providerHeaders('bank'), body: method === 'GET' ? undefined : { advanceSeconds: 60 } }),
    );

    expect(r.status).toBe(404);
    expect(r.body.toString()).toBe('Not Found'); // nothing tells a simulator is there
  });

  it('answers again once simulators are back on', async () => {
    expect((await call(clock.GET)).status).toBe(200);
  });
});
