import { env } from '@/lib/env';

/**
 * The cloud provider's own account at the simulated bank: where R-E-RCH transfers go and
 * what payouts, refunds and withdrawals come from.
 */
export const RECEIVING_ACCOUNT = {
  holderName: '云端计算科技（北京）有限公司',
  number: '110936571210801',
  bank: '招商银行北京分行营业部',
} as const;

/** Bank events are not tied to a request that names a callback URL: they go to the product's bank route. */
export function bankCallbackUrl(): string {
  return `${env().APP_URL.replace(/\/$/, '')}/api/callbacks/bank`;
}
