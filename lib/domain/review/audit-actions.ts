/**
 * The audit log's action names grouped for the back office's search (/review/audit):
 * each kind is a prefix of the action names it covers.
 */
export const AUDIT_ACTION_KINDS = {
  review_case: { prefix: 'review_case.', label: '审核单（提交、查看敏感信息、通过、驳回、撤销）' },
  authorization: { prefix: 'authorization.', label: '拒绝的访问' },
  sign_in: { prefix: 'sign_', label: '登录与退出' },
  account: { prefix: 'account.', label: '账号' },
  personal_verification: { prefix: 'personal_verification.', label: '个人实名认证' },
  enterprise_verification: { prefix: 'enterprise_verification.', label: '企业实名认证' },
  channel: { prefix: 'channel_', label: '认证渠道会话与回调' },
  callback: { prefix: 'callback.', label: '无效的回调（签名等）' },
  limit: { prefix: 'limit.', label: '限额与频率限制' },
  upload: { prefix: 'upload.', label: '文件上传与查看' },
  enterprise_limit: { prefix: 'enterprise_limit.', label: '企业账号数量上限' },
  calendar: { prefix: 'calendar.', label: '工作日日历' },
  audit_log: { prefix: 'audit_log.', label: '审计日志导出' },
} as const satisfies Record<string, { prefix: string; label: string }>;

export type AuditActionKind = keyof typeof AUDIT_ACTION_KINDS;

export function isAuditActionKind(value: string): value is AuditActionKind {
  return Object.hasOwn(AUDIT_ACTION_KINDS, value);
}

/** A case's history as the reviewer reads it. */
export const REVIEW_HISTORY_LABEL: Record<string, string> = {
  'review_case.opened': '提交审核',
  'review_case.revealed': '查看敏感信息',
  'review_case.approved': '审核通过',
  'review_case.rejected': '审核驳回',
  'review_case.resubmitted': '重新提交',
  'review_case.cancelled': '用户撤销',
  'authorization.refused': '拒绝操作',
};
