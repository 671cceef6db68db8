import { text, textOf, type MessageRef } from '@/lib/messages';

/**
 * The one error table: every coded error the product can raise, with its HTTP
 * status and the form field it belongs to (if any); the Chinese a user sees is the
 * catalogue's `error.<CODE>` (lib/messages/zh-CN/errors.ts).
 * Domain code and services raise codes; only the edges (action wrapper, route
 * handlers) turn them into text. A user never sees a raw code or a stack trace.
 */
export const errorTable = {
  UNAUTHENTICATED: { status: 401 },
  FORBIDDEN: { status: 403 },
  NOT_FOUND: { status: 404 },
  BAD_ORIGIN: { status: 403 },
  INVALID_INPUT: { status: 400 },
  RATE_LIMITED: { status: 429 },
  CONFLICT: { status: 409 },
  INTERNAL: { status: 500 },

  EMAIL_TAKEN: { status: 409, field: 'email' },
  INVALID_CREDENTIALS: { status: 401 },
  SIGN_IN_LOCKED_ACCOUNT: { status: 429 },
  SIGN_IN_LOCKED_ADDRESS: { status: 429 },
  // Verified e-mail, 忘记密码 and 修改密码 (issue 16, ADR 0023).
  EMAIL_NOT_CONFIRMED: { status: 403 },
  LINK_INVALID: { status: 400 },
  WRONG_CURRENT_PASSWORD: { status: 400, field: 'currentPassword' },
  PASSWORD_CHANGE_LOCKED: { status: 429, field: 'currentPassword' },
  PASSWORD_UNCHANGED: { status: 400, field: 'newPassword' },

  // 两步验证 and 登录设备 (SPEC §14, ADR 0024).
  TWO_FACTOR_CODE_INVALID: { status: 400, field: 'code' },
  TWO_FACTOR_CODE_USED: { status: 409, field: 'code' },
  TWO_FACTOR_RECOVERY_CODE_INVALID: { status: 400, field: 'recoveryCode' },
  TWO_FACTOR_LOCKED: { status: 429 },
  TWO_FACTOR_ALREADY_ENROLLED: { status: 409 },
  TWO_FACTOR_NOT_STARTED: { status: 409 },
  TWO_FACTOR_REQUIRED: { status: 403 },
  SECOND_FACTOR_EXPIRED: { status: 401 },
  SESSION_NOT_FOUND: { status: 404 },

  // Channels (docs/channel-protocol.md). A channel failure is never a success (SECURITY 31).
  CHANNEL_TIMEOUT: { status: 504 },
  CHANNEL_UNAVAILABLE: { status: 503 },
  CHANNEL_BAD_RESPONSE: { status: 502 },
  CHANNEL_REJECTED: { status: 502 },
  CALLBACK_SIGNATURE_INVALID: { status: 401 },
  CALLBACK_PAYLOAD_INVALID: { status: 400 },
  CALLBACK_TOO_LARGE: { status: 413 },

  // Verification flows (SPEC §3, §4).
  SUBJECT_EXISTS: { status: 409 },
  PROCESS_IN_PROGRESS: { status: 409 },
  IDENTITY_LIMIT: { status: 409, field: 'documentNumber' },
  STEP_NOT_ALLOWED: { status: 409 },
  METHOD_UNAVAILABLE: { status: 409 },
  // SECURITY 17: the message names the document (record-consent.ts).
  CONSENT_REQUIRED: { status: 400, field: 'consent' },

  // Enterprise verification (SPEC §5, R-E-REG, R-LIM-2). The registry's own data is never shown.
  REGISTRY_CODE_UNKNOWN: { status: 422, field: 'code' },
  REGISTRY_NAME_MISMATCH: { status: 422, field: 'enterpriseName' },
  REGISTRY_DEREGISTERED: { status: 422, field: 'code' },
  REGISTRY_LICENCE_TYPE_MISMATCH: { status: 422, field: 'licenceType' },
  REGISTRY_UNAVAILABLE: { status: 503 },
  ENTERPRISE_LIMIT: { status: 409, field: 'code' },
  // 认证前检查 (SPEC §13): the checks of one account are limited (check-verification-eligibility.ts).
  ELIGIBILITY_CHECKS_LIMITED: { status: 429 },

  // Subject changes (SPEC §6): the message names the rule (lib/domain/change/eligibility.ts).
  CHANGE_NOT_ALLOWED: { status: 409 },
  // R-CHG-E2 变更企业名称: beside 变更后企业名称.
  RENAME_SAME_NAME: { status: 400, field: 'newName' },
  // R-CHG-E3 更新企业法人信息: the registry does not list the new legal rep (beside 变更后企业法人姓名).
  LEGAL_REP_NOT_REGISTERED: { status: 422, field: 'legalRepName' },
  LEGAL_REP_UNCHANGED: { status: 400, field: 'legalRepIdNumber' },
  // R-OWN-5: the message names what is missing (set-cdn-service.ts).
  CDN_CONTACT_INCOMPLETE: { status: 409 },

  // Uploads (SECURITY 14–16): checked by content, never by the declared type or name.
  UPLOAD_EMPTY: { status: 400, field: 'file' },
  UPLOAD_TOO_LARGE: { status: 413, field: 'file' },
  UPLOAD_NAME_INVALID: { status: 400, field: 'file' },
  UPLOAD_TYPE_NOT_ALLOWED: { status: 415, field: 'file' },
  UPLOAD_DIMENSIONS_TOO_LARGE: { status: 422, field: 'file' },
  UPLOAD_UNREADABLE: { status: 422, field: 'file' },

  // Back office (SPEC §7, §13): review cases, quotas, the calendar.
  REVIEW_ALREADY_DECIDED: { status: 409 },
  REVIEW_OWN_ACCOUNT: { status: 403 },
  REVIEW_REASON_REQUIRED: { status: 400, field: 'reasons' },
  REVIEW_REASON_NOT_APPLICABLE: { status: 400, field: 'reasons' },
  REVIEW_NOT_RESUBMITTABLE: { status: 409 },
  REVIEW_NOTHING_CHANGED: { status: 400 },
  // 删除个人信息 (SPEC §13, ADR 0016): the message names what still runs (redact-account-personal-data.ts).
  REDACTION_BLOCKED: { status: 409 },
  USER_ACCOUNT_NOT_FOUND: { status: 404, field: 'accountNumber' },

  // Notifications and integrators' webhooks (SPEC §8, §13).
  WEBHOOK_URL_INVALID: { status: 400, field: 'url' },
  WEBHOOK_URL_PRIVATE: { status: 400, field: 'url' },

  // Recharge verification and the balance (R-E-RCH).
  RECHARGE_PAYER_MISMATCH: { status: 422, field: 'payerName' },
  BALANCE_NOTHING_TO_WITHDRAW: { status: 409 },
} as const satisfies Record<string, { status: number; field?: string }>;

export type ErrorCode = keyof typeof errorTable;

/**
 * A coded error thrown by services. `reason` refines the table's sentence with a more
 * precise one (a catalogue code and its parameters, e.g. which rule refused); `field`
 * places it beside a form field. There is no free-text message: every sentence a user
 * reads comes from the catalogue (lib/messages/zh-CN).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: { reason?: MessageRef; field?: string },
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export function describeError(code: ErrorCode, detail?: AppError['detail']) {
  const entry: { status: number; field?: string } = errorTable[code];
  return {
    code,
    status: entry.status,
    message: detail?.reason ? textOf(detail.reason) : text(`error.${code}`),
    field: detail?.field ?? entry.field,
  };
}

/** JSON error response for route handlers: the same table, the same messages. */
export function errorResponse(code: ErrorCode, detail?: AppError['detail']) {
  const d = describeError(code, detail);
  return Response.json({ error: { code: d.code, message: d.message, field: d.field } }, { status: d.status });
}

/**
 * INVALID_INPUT for a request body its zod schema refused: beside `field`, the schema's own
 * words (lib/schemas, the ones the browser form shows), as server actions answer field errors.
 */
export function invalidInputResponse(field: string, issue: { message: string } | undefined) {
  const d = describeError('INVALID_INPUT', { field });
  return Response.json({ error: { code: d.code, message: issue?.message ?? d.message, field } }, { status: d.status });
}
