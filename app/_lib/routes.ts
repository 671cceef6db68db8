/**
 * The pages lib/domain and lib/features point to, by identifier (issue 17: they know no
 * URLs); only app/ turns an identifier into a path.
 */
export const ROUTES = {
  verification: '/account/verification',
  'verification.personal': '/account/verification/personal',
  'verification.enterprise': '/account/verification/enterprise',
  'verification.enterprise.recharge': '/account/verification/enterprise/recharge',
  'verification.enterprise.payout': '/account/verification/enterprise/payout',
  'verification.change': '/account/verification/change',
} as const;

export type RouteId = keyof typeof ROUTES;

export function routeOf(id: RouteId): string {
  return ROUTES[id];
}
