import { getEnterpriseStatus } from '@/lib/services/get-enterprise-status';
import { statusRoute } from '../../../_lib/status-route';

/** GET ?id= — polled by the enterprise wizard while it waits for the phone. */
export const GET = statusRoute(getEnterpriseStatus);
