import { getPersonalStatus } from '@/lib/features/personal';
import { statusRoute } from '../../../_lib/status-route';

/** GET ?id= — polled by the personal wizard while it waits for the phone. */
export const GET = statusRoute(getPersonalStatus);
