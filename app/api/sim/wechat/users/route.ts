import { phoneUserRoutes } from '@/lib/simulators/api/phone-user-routes';

const routes = phoneUserRoutes('wechat');
export const GET = routes.GET;
export const POST = routes.POST;
