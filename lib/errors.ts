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
  // Verified e-mail, 忘记密码 and 修改密码 (issue 16, ADR 0023).
  EMAIL_NOT_CONFIRMED: { status: 403, message: '请验证邮箱' },
  LINK_INVALID: { status: 400, message: '链接无效或已过期，请重新获取' },
  WRONG_CURRENT_PASSWORD: { status: 400, message: '当前密码错误', field: 'currentPassword' },
  PASSWORD_CHANGE_LOCKED: { status: 429, message: '当前密码错误次数过多，请 15 分钟后再试', field: 'currentPassword' },
  PASSWORD_UNCHANGED: { status: 400, message: '新密码不能与当前密码相同', field: 'newPassword' },

  // 两步验证 and 登录设备 (SPEC §14, ADR 0024).
  TWO_FACTOR_CODE_INVALID: { status: 400, message: '动态验证码错误，请输入验证器应用当前显示的 6 位数字', field: 'code' },
  TWO_FACTOR_CODE_USED: { status: 409, message: '该动态验证码已使用过，请等待验证器显示新的验证码后再输入', field: 'code' },
  TWO_FACTOR_RECOVERY_CODE_INVALID: { status: 400, message: '恢复码无效或已使用过，请核对后输入一个未使用的恢复码', field: 'recoveryCode' },
  TWO_FACTOR_LOCKED: { status: 429, message: '验证码错误次数过多，请 15 分钟后再试' },
  TWO_FACTOR_ALREADY_ENROLLED: { status: 409, message: '两步验证已开启，无需重复设置' },
  TWO_FACTOR_NOT_STARTED: { status: 409, message: '请先生成密钥，再输入动态验证码' },
  TWO_FACTOR_REQUIRED: { status: 403, message: '审核后台要求先开启两步验证，请在账号信息中完成设置' },
  SECOND_FACTOR_EXPIRED: { status: 401, message: '登录已超时，请重新输入邮箱和密码' },
  SESSION_NOT_FOUND: { status: 404, message: '该登录设备不存在或已退出' },

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
  // SECURITY 17: the message names the document (record-consent.ts).
  CONSENT_REQUIRED: { status: 400, message: '请阅读并同意授权书后继续', field: 'consent' },

  // Enterprise verification (SPEC §5, R-E-REG, R-LIM-2). The registry's own data is never shown.
  REGISTRY_CODE_UNKNOWN: { status: 422, message: '未在工商登记系统中查到该社会信用代码', field: 'code' },
  REGISTRY_NAME_MISMATCH: { status: 422, message: '企业名称与工商登记系统中该代码对应的企业名称不一致，请严格按照营业执照企业名称填写', field: 'enterpriseName' },
  REGISTRY_DEREGISTERED: { status: 422, message: '该企业在工商登记系统中的登记状态为注销，无法进行实名认证', field: 'code' },
  REGISTRY_LICENCE_TYPE_MISMATCH: { status: 422, message: '该代码在工商登记系统中登记为非营业执照主体，请将证照类型选择为非营业执照', field: 'licenceType' },
  REGISTRY_UNAVAILABLE: { status: 503, message: '工商登记系统暂时无法查询，请稍后重试' },
  ENTERPRISE_LIMIT: { status: 409, message: '该企业实名认证的账号数量已达上限，无法继续认证', field: 'code' },
  // 认证前检查 (SPEC §13): the checks of one account are limited (check-verification-eligibility.ts).
  ELIGIBILITY_CHECKS_LIMITED: { status: 429, message: '认证前检查次数过多，请稍后再试（每个账号每小时最多检查 20 次）' },

  // Subject changes (SPEC §6): the message names the rule (lib/domain/change/eligibility.ts).
  CHANGE_NOT_ALLOWED: { status: 409, message: '当前不能办理此项变更' },
  // R-CHG-E2 变更企业名称: beside 变更后企业名称.
  RENAME_SAME_NAME: { status: 400, message: '变更后企业名称与当前企业名称相同，请填写新的企业名称', field: 'newName' },
  // R-CHG-E3 更新企业法人信息: the registry does not list the new legal rep (beside 变更后企业法人姓名).
  LEGAL_REP_NOT_REGISTERED: {
    status: 422,
    message: '工商登记系统中该企业的法定代表人与填写的变更后企业法人信息不一致，请填写工商登记的法定代表人姓名及其身份证号',
    field: 'legalRepName',
  },
  LEGAL_REP_UNCHANGED: { status: 400, message: '变更后企业法人与当前登记的企业法人相同，无需更新', field: 'legalRepIdNumber' },
  // R-OWN-5: the message names what is missing (set-cdn-service.ts).
  CDN_CONTACT_INCOMPLETE: { status: 409, message: '开启使用CDN服务前，请先补充企业联系人信息' },

  // Uploads (SECURITY 14–16): checked by content, never by the declared type or name.
  UPLOAD_EMPTY: { status: 400, message: '请选择要上传的文件（文件不能为空）', field: 'file' },
  UPLOAD_TOO_LARGE: { status: 413, message: '文件大小不能超过 5 MB', field: 'file' },
  UPLOAD_NAME_INVALID: { status: 400, message: '文件名无效：请使用以 .jpg、.jpeg 或 .png 结尾且不含路径和特殊字符的文件名', field: 'file' },
  UPLOAD_TYPE_NOT_ALLOWED: { status: 415, message: '文件格式不支持，请上传 JPG 或 PNG 格式的图片', field: 'file' },
  UPLOAD_DIMENSIONS_TOO_LARGE: { status: 422, message: '图片尺寸过大，请上传长、宽均不超过 10000 像素且不超过 4000 万像素的图片', field: 'file' },
  UPLOAD_UNREADABLE: { status: 422, message: '文件已损坏或无法读取，请重新上传', field: 'file' },

  // Back office (SPEC §7, §13): review cases, quotas, the calendar.
  REVIEW_ALREADY_DECIDED: { status: 409, message: '该审核单已处理，请刷新页面查看最新状态' },
  REVIEW_OWN_ACCOUNT: { status: 403, message: '不能审核本人账号的审核单' },
  REVIEW_REASON_REQUIRED: { status: 400, message: '驳回时请至少选择一项驳回原因', field: 'reasons' },
  REVIEW_REASON_NOT_APPLICABLE: { status: 400, message: '所选驳回原因与审核材料不符，请刷新页面后重新选择', field: 'reasons' },
  REVIEW_NOT_RESUBMITTABLE: { status: 409, message: '该审核单当前无需重新提交，请刷新页面查看最新状态' },
  REVIEW_NOTHING_CHANGED: { status: 400, message: '请至少修改一项被驳回的材料后再提交' },
  // 删除个人信息 (SPEC §13, ADR 0016): the message names what still runs (redact-account-personal-data.ts).
  REDACTION_BLOCKED: { status: 409, message: '该账号有进行中的业务，结束或撤销后才能删除个人信息' },
  USER_ACCOUNT_NOT_FOUND: { status: 404, message: '未找到该账号ID对应的用户账号', field: 'accountNumber' },

  // Notifications and integrators' webhooks (SPEC §8, §13).
  WEBHOOK_URL_INVALID: { status: 400, message: '请输入有效的回调地址（以 https:// 开头的完整网址）', field: 'url' },
  WEBHOOK_URL_PRIVATE: { status: 400, message: '回调地址不能指向内网、本机或保留地址，请使用公网可访问的 https 地址', field: 'url' },

  // Recharge verification and the balance (R-E-RCH).
  RECHARGE_PAYER_MISMATCH: { status: 422, message: '付款账户须与企业名称完全一致，请使用以企业名称开户的对公账户付款', field: 'payerName' },
  BALANCE_NOTHING_TO_WITHDRAW: { status: 409, message: '该笔入账已无可提现余额，请刷新页面查看最新状态' },
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
