import type { MessageEntry } from '../format';

/**
 * The back office's review cases (SPEC §7, §13): the items a case judges, the fixed
 * rejection reasons with their fix hints, the states, the case kinds, the audit-log
 * kinds and a case's history. Keyed by the domain's codes (lib/domain/review).
 */
const items = {
  'review.item.enterprise_name': '企业名称',
  'review.item.new_enterprise_name': '变更后企业名称',
  'review.item.enterprise_code': '社会信用代码/其他组织机构代码',
  'review.item.new_enterprise_code': '变更后社会信用代码',
  'review.item.legal_rep_name': '企业法人姓名',
  'review.item.legal_rep_id_number': '企业法人身份证号',
  'review.item.old_legal_rep_name': '变更前企业法人姓名',
  'review.item.old_legal_rep_id_number': '变更前企业法人身份证号',
  'review.item.operator_name': '经办人姓名',
  'review.item.operator_id_number': '经办人身份证',
  'review.item.contact_mobile': '企业联系人手机号',
  'review.item.bank_account_number': '企业银行卡账号',
  'review.item.bank_name': '开户银行',
  'review.item.bank_location': '银行所在地',
  'review.item.bank_branch': '开户支行名',
  'review.item.business_licence': '营业执照',
  'review.item.new_business_licence': '新营业执照',
  'review.item.old_licence_or_deregistration': '原营业执照或注销证明',
  'review.item.change_application_form': '变更申请表',
  'review.item.change_certificate': '工商局或事业单位上级主管单位的变更证明',
  'review.item.legal_rep_id_portrait_photo': '法人手持身份证人像面彩色照',
  'review.item.legal_rep_id_emblem_photo': '法人手持身份证国徽面彩色照',
  'review.item.legal_rep_passport_or_driving_licence': '法人护照或驾驶证',
} as const;

/** An item's label inside another sentence (params carry the item's key, not its words). */
const item = (key: unknown): string => (typeof key === 'string' && `review.item.${key}` in items ? items[`review.item.${key}` as keyof typeof items] : String(key));

const reasons = {
  'review.reason.licence_unclear': '营业执照不清晰',
  'review.reason.licence_unclear.hint': '请上传清晰、完整的营业执照彩色照片',
  'review.reason.licence_outdated': '营业执照不是最新版本',
  'review.reason.licence_outdated.hint': '请上传最新的营业执照（以登记机关最近一次核发的为准）',
  'review.reason.held_id_unclear': '法人手持身份证照片不清晰',
  'review.reason.held_id_unclear.hint': '请上传法定代表人本人手持身份证的彩色照片，人脸和证件文字均需清晰可见、无遮挡',
  'review.reason.held_id_wrong_side': '身份证照片面别不正确',
  'review.reason.held_id_wrong_side.hint': '人像面照片请拍摄身份证带头像的一面，国徽面照片请拍摄带国徽的一面',
  'review.reason.document_expired': '证件已过期',
  'review.reason.document_expired.hint': '请上传在有效期内的证件照片',
  'review.reason.form_incomplete': '变更申请表填写不完整或未加盖公章',
  'review.reason.form_incomplete.hint': '请下载本次申请的变更申请表模板，完整填写并加盖企业公章后上传',
  'review.reason.proof_invalid': '变更证明材料无效',
  'review.reason.proof_invalid.hint': '请上传登记机关或事业单位上级主管单位出具并加盖公章的变更证明',
  'review.reason.file_unreadable': '文件无法查看',
  'review.reason.file_unreadable.hint': '请重新上传可以正常打开的 JPG、PNG 或 PDF 文件，大小不超过 5 MB',
  'review.reason.info_mismatch': '信息与证件不一致',
  'review.reason.info_mismatch.hint': '请按证件上的内容逐字核对后重新填写',
  'review.reason.bank_account_invalid': '对公银行账户信息有误',
  'review.reason.bank_account_invalid.hint': '请填写以企业名称开户的对公银行账户，并核对开户银行、银行所在地与开户支行名',
} as const;

const reason = (code: unknown): string => (typeof code === 'string' && `review.reason.${code}` in reasons ? reasons[`review.reason.${code}` as keyof typeof reasons] : String(code));
const hint = (code: unknown): string => reasons[`review.reason.${String(code)}.hint` as keyof typeof reasons] ?? String(code);

const round = (p: { round: string | number }) => `第 ${p.round} 轮`;

export const reviewMessages = {
  ...items,
  ...reasons,

  // A re-submitted value refused by its item's format (validateReviewValue).
  'review.value.required': (p: { item: string }) => `请填写${item(p.item)}`,
  'review.value.too_long': (p: { item: string; max: number }) => `${item(p.item)}最多 ${p.max} 个字`,
  'review.value.mobile': (p: { item: string }) => `请填写正确的${item(p.item)}（中国大陆手机号）`,
  'review.value.person_name_length': (p: { item: string; min: number; max: number }) => `${item(p.item)}应为 ${p.min}–${p.max} 个字符`,
  'review.value.person_name_characters': (p: { item: string }) => `${item(p.item)}只能包含汉字、英文字母、空格和间隔号“·”`,
  'review.value.id_not_mainland': (p: { item: string }) => `${item(p.item)}应为18位中国大陆居民身份证号`,
  'review.value.id_birth_date': (p: { item: string }) => `${item(p.item)}中的出生日期无效，请检查`,
  'review.value.id_future_birth_date': (p: { item: string }) => `${item(p.item)}中的出生日期不能晚于今天，请检查`,
  'review.value.id_check_char': (p: { item: string }) => `${item(p.item)}校验位不正确，请检查`,

  // "item：reason" and "item：hint", as the notification and the history list them.
  'review.item_reason': (p: { item: string; reason: string }) => `${item(p.item)}：${reason(p.reason)}`,
  'review.item_hint': (p: { item: string; reason: string }) => `${item(p.item)}：${hint(p.reason)}`,

  'review.state.open': '待审核',
  'review.state.approved': '已通过',
  'review.state.rejected': '已驳回',
  'review.state.cancelled': '已撤销',
  // What the user reads about their own case.
  'review.user_state.open': '审核中',
  'review.user_state.approved': '审核通过',
  'review.user_state.rejected': '审核未通过',
  'review.user_state.cancelled': '已撤销',

  'review.kind.payout_materials': '对公打款材料及经办人',
  'review.kind.subject_change_proofs': '企业主体变更证明材料',
  'review.kind.name_change_proofs': '企业名称变更证明材料',

  'review.role.reviewer': '审核员',
  'review.role.account_manager': '客户经理',

  'review.audit_kind.review_case': '审核单（提交、查看敏感信息、通过、驳回、撤销）',
  'review.audit_kind.authorization': '拒绝的访问',
  'review.audit_kind.sign_in': '登录与退出',
  'review.audit_kind.account': '账号',
  'review.audit_kind.personal_verification': '个人实名认证',
  'review.audit_kind.enterprise_verification': '企业实名认证',
  'review.audit_kind.channel': '认证渠道会话与回调',
  'review.audit_kind.callback': '无效的回调（签名等）',
  'review.audit_kind.limit': '限额与频率限制',
  'review.audit_kind.upload': '文件上传与查看',
  'review.audit_kind.enterprise_limit': '企业账号数量上限',
  'review.audit_kind.calendar': '工作日日历',
  'review.audit_kind.audit_log': '审计日志导出',

  // A case's history as the reviewer reads it.
  'review.history.review_case.opened': '提交审核',
  'review.history.review_case.revealed': '查看敏感信息',
  'review.history.review_case.approved': '审核通过',
  'review.history.review_case.rejected': '审核驳回',
  'review.history.review_case.resubmitted': '重新提交',
  'review.history.review_case.cancelled': '用户撤销',
  'review.history.authorization.refused': '拒绝操作',
  // Its details: the round, the items, the picked reasons.
  'review.history.round': round,
  'review.history.round_items': (p: { round: string | number; items: string }) =>
    `${round(p)}${p.items ? `：${p.items.split(',').filter(Boolean).map(item).join('、')}` : ''}`,
  'review.history.item': (p: { item: string }) => item(p.item),
  'review.history.rejected': (p: { round: string | number; picks: string; withNote: string }) => {
    const picks = p.picks.split(',').filter(Boolean).map((pick) => {
      const [i, r] = pick.split(':');
      return `${item(i)}：${reason(r)}`;
    });
    return `${round(p)}${picks.length ? `；${picks.join('；')}` : ''}${p.withNote === 'yes' ? '（附内部备注）' : ''}`;
  },

  // What a rejected item held, as the user is reminded of it.
  'review.current_file.pdf': '已上传的 PDF 文件',
  'review.current_file.image': '已上传的图片',

  // The registry's answer on the case page.
  'review.registry.name': '企业名称',
  'review.registry.code': '统一社会信用代码',
  'review.registry.status': '登记状态',
  'review.registry.legalRepName': '法定代表人',
  'review.registry.formerNames': '曾用名',
  'review.registry.licenceType': '证照类型',
  'review.registry.establishedOn': '成立日期',
  'review.registry.registeredAt': '登记机关',
  'review.registry.checkedAt': '查询时间',
  // Values the change module records (submit-rename-proofs.ts); older cases hold the words themselves.
  'review.registry.status.unavailable': '工商登记系统暂时无法查询',
  'review.registry.status.not_found': '工商登记系统中未查到该代码',
  'review.registry.status.active': '存续',
  'review.registry.status.deregistered': '注销',
  'review.registry.licenceType.business_licence': '营业执照',
  'review.registry.licenceType.other': '非营业执照',
} as const satisfies Record<string, MessageEntry>;
