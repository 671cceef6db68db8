/**
 * The one error table: every coded error the product can raise, with its HTTP
 * status, the Chinese message a user sees, and the form field it belongs to (if any).
 * Domain code and services raise codes; only the edges (action wrapper, route
 * handlers) turn them into text. A user never sees a raw code or a stack trace.
 */
export const errorTable = {
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  FORBIDDEN: { status: 403, message: '您没有执行此操作的权限' },
  NOT_FOUND: { status: 404, message: '您访问的内容不存在' },
  BAD_ORIGIN: { status: 403, message: '请求来源无效，请刷新页面后重试' },
  INVALID_INPUT: { status: 400, message: '请检查标红的输入项' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },
  CONFLICT: { status: 409, message: '数据已被更新，请刷新页面后重试' },
  INTERNAL: { status: 500, message: '系统繁忙，请稍后再试' },

  EMAIL_TAKEN: { status: 409, message: '该邮箱已注册，请直接登录', field: 'email' },
  INVALID_CREDENTIALS: { status: 401, message: '邮箱或密码错误' },
  SIGN_IN_LOCKED_ACCOUNT: { status: 429, message: '该账号登录失败次数过多，请 15 分钟后再试' },
  SIGN_IN_LOCKED_ADDRESS: { status: 429, message: '当前网络登录失败次数过多，请 1 小时后再试' },

  // Channels (docs/channel-protocol.md). A channel failure is never a success (SECURITY 31).
  CHANNEL_TIMEOUT: { status: 504, message: '认证渠道响应超时，请稍后重试' },
  CHANNEL_UNAVAILABLE: { status: 503, message: '认证渠道暂时不可用，请稍后重试' },
  CHANNEL_BAD_RESPONSE: { status: 502, message: '认证渠道返回了无法识别的结果，请稍后重试' },
  CHANNEL_REJECTED: { status: 502, message: '认证渠道拒绝了本次请求，请核对信息后重试' },
  CALLBACK_SIGNATURE_INVALID: { status: 401, message: '回调签名无效' },
  CALLBACK_PAYLOAD_INVALID: { status: 400, message: '回调内容格式无效' },
  CALLBACK_TOO_LARGE: { status: 413, message: '回调内容过大' },

  // Verification flows (SPEC §3, §4).
  SUBJECT_EXISTS: { status: 409, message: '您的账号已完成实名认证，如需变更请修改认证主体' },
  PROCESS_IN_PROGRESS: { status: 409, message: '您有正在进行的认证或变更申请，请先继续完成或撤销' },
  IDENTITY_LIMIT: { status: 409, message: '该证件实名认证的账号数量已达上限（3 个），无法继续认证', field: 'documentNumber' },
  STEP_NOT_ALLOWED: { status: 409, message: '当前步骤已变化，请刷新页面后继续' },
  METHOD_UNAVAILABLE: { status: 409, message: '该认证方式当前不可用，请选择其他方式' },
} as const satisfies Record<string, { status: number; message: string; field?: string }>;

export type ErrorCode = keyof typeof errorTable;

/** A coded error thrown by services; `params` may refine the message (e.g. a retry time). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: { message?: string; field?: string },
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export function describeError(code: ErrorCode, detail?: AppError['detail']) {
  const entry: { status: number; message: string; field?: string } = errorTable[code];
  return {
    code,
    status: entry.status,
    message: detail?.message ?? entry.message,
    field: detail?.field ?? entry.field,
  };
}

/** JSON error response for route handlers: the same table, the same messages. */
export function errorResponse(code: ErrorCode, detail?: AppError['detail']) {
  const d = describeError(code, detail);
  return Response.json({ error: { code: d.code, message: d.message, field: d.field } }, { status: d.status });
}
