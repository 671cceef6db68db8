import { getPayoutStatus } from '@/lib/features/payout';
import { statusRoute } from '../../../../_lib/status-route';

/** GET ?id= — polled by the payout page while it waits for the operator's phone or the reviewer. */
export const GET = statusRoute(getPayoutStatus);
