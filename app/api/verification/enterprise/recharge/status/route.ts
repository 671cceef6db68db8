import { getRechargeStatus } from '@/lib/features/recharge';
import { statusRoute } from '../../../../_lib/status-route';

/** GET ?id= — polled by the recharge page while it waits for the transfer. */
export const GET = statusRoute(getRechargeStatus);
