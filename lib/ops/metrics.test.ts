import { beforeEach, describe, expect, it } from 'vitest';
import { countVerificationEnded, metrics } from './metrics';

beforeEach(() => metrics.verificationsEnded.reset());

async function ended() {
  return (await metrics.verificationsEnded.get()).values.map((v) => ({ ...v.labels, value: v.value }));
}

describe('countVerificationEnded', () => {
  it('counts an abandoned verification (expired by the retention sweep) apart from other ends', async () => {
    countVerificationEnded('personal', 'wechat', 'expired', true);
    countVerificationEnded('enterprise', 'payout', 'succeeded', false);
    countVerificationEnded('enterprise', 'payout', 'succeeded', false);
    expect(await ended()).toEqual([
      { kind: 'personal', method: 'wechat', outcome: 'abandoned', value: 1 },
      { kind: 'enterprise', method: 'payout', outcome: 'succeeded', value: 2 },
    ]);
  });

  it('keeps the method label a closed set: none before a method is chosen, other for one the product does not know', async () => {
    countVerificationEnded('personal', null, 'cancelled', false);
    countVerificationEnded('personal', 'something-new', 'failed', false);
    expect(await ended()).toEqual([
      { kind: 'personal', method: 'none', outcome: 'cancelled', value: 1 },
      { kind: 'personal', method: 'other', outcome: 'failed', value: 1 },
    ]);
  });
});
