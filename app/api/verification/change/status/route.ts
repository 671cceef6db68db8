import { getSubjectChangeStatus } from '@/lib/features/change';
import { statusRoute } from '../../../_lib/status-route';

/** GET ?id= — polled by the change's face-check page while it waits for the phone. */
export const GET = statusRoute(getSubjectChangeStatus);
