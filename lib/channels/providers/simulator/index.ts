import type { ChannelProvider, IdentityScanPort } from '@/lib/channels/ports';
import { getReceivingAccount, requestPayout, requestRefund, requestWithdrawal } from './bank';
import { signedCallbacks } from './callbacks';
import { sendMessage } from './notify';
import { checkLegalRepresentative, lookUpEnterprise } from './registry';
import { openSession } from './sessions';

/**
 * The simulator provider: the protocol of docs/channel-protocol.md (JSON over HTTP with
 * a bearer secret and idempotency keys; results pushed as Standard Webhooks callbacks),
 * spoken by the simulated world under /api/sim/providers — or by any service that
 * implements the same protocol at `CHANNEL_<NAME>_URL`. It serves every channel and is
 * the default of each.
 */
function identityScan(channel: 'wechat' | 'qq'): IdentityScanPort {
  return {
    openSession: (request, key, options) => openSession({ channel, ...request }, key, options),
    ...signedCallbacks(channel),
  };
}

export const simulatorProvider: ChannelProvider = {
  name: 'simulator',
  ports: {
    wechat: identityScan('wechat'),
    qq: identityScan('qq'),
    face: {
      openSession: (request, key, options) => openSession({ channel: 'face', ...request }, key, options),
      ...signedCallbacks('face'),
    },
    oa: {
      openSession: (request, key, options) => openSession({ channel: 'oa', ...request }, key, options),
      ...signedCallbacks('oa'),
    },
    registry: { lookUpEnterprise, checkLegalRepresentative },
    bank: {
      receivingAccount: getReceivingAccount,
      requestPayout,
      requestRefund,
      requestWithdrawal,
      ...signedCallbacks('bank'),
    },
    notify: { sendMessage },
  },
};
