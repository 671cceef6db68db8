import { authSessionRoute } from '@/lib/simulators/api/auth-session-routes';

export const POST = authSessionRoute('qq');
