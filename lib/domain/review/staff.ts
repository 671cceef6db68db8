/**
 * Who works the back office (SPEC §7): reviewers and account managers; only account
 * managers change an enterprise's account limit (R-LIM-2). Checked by every use case
 * itself, whatever the page or the action wrapper already checked (SECURITY 10).
 */
export type StaffRole = 'reviewer' | 'account_manager';

export const BACK_OFFICE_ROLES: readonly StaffRole[] = ['reviewer', 'account_manager'];
export const QUOTA_ROLES: readonly StaffRole[] = ['account_manager'];

// Their names (当前身份): the catalogue's review.role.<role>.

export function isRoleIn(role: string, roles: readonly StaffRole[]): role is StaffRole {
  return (roles as readonly string[]).includes(role);
}
