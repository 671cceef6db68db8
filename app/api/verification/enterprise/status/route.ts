import { getEnterpriseStatus } from '@/lib/features/enterprise';
import { statusRoute } from '../../../_lib/status-route';

/** GET ?id= — polled by the enterprise wizard while it waits for the phone. */
export const GET = statusRoute(getEnterpriseStatus);
