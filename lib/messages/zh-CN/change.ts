import type { MessageEntry } from '../format';

/**
 * 实名认证主体变更 (SPEC §6): the change types (R-CHG-P2, R-CHG-E1, R-CHG-E2, R-CHG-E3,
 * verbatim), a request's states, why a change may not start, the refusals of its steps,
 * and the change application form. Keyed by the codes of lib/domain/change and the
 * change module.
 */
export const changeMessages = {
  'change.type.person_to_enterprise': '变更为企业主体',
  'change.type.person_to_person': '变更个人主体',
  'change.type.enterprise_to_enterprise': '变更企业主体（A企业变成B企业）',
  'change.type.enterprise_rename': '变更企业名称',
  'change.type.legal_rep_update': '更新企业法人信息',
  // R-CHG-E2's qualifier, shown under the rename option.
  'change.rename_note': '企业社会信用代码/组织机构代码不变',
  'change.rename_path.automatic': '查询到工商登记的新名称后即时更新',
  'change.rename_path.review': '需上传变更申请表、工商局或事业单位上级主管单位的变更证明及新营业执照，审核时间 1 个工作日',

  // R-CHG-1: the explanation page reached by 修改认证主体, and the section headings of §6.
  'change.page_title.person': '修改个人实名认证',
  'change.page_title.enterprise': '修改企业实名认证',
  'change.section_title.person': '变更个人认证信息',
  'change.section_title.enterprise': '变更企业认证信息',
  'change.button.start': '开始修改',
  'change.button.cancel': '撤销',
  'change.button.query_new_name': '查询新名称',
  // R-CHG-P1: ticked before 开始修改; R-CHG-P2, R-CHG-E1: ticked with the new subject's data.
  'change.consent.agreement': '我已阅读并同意《实名认证主体变更协议》',
  'change.consent.accept_agreement': '我已阅读并同意《接受实名认证主体变更协议》',

  'change.legal_rep_channel.wechat': '企业法人微信扫码认证',
  'change.legal_rep_channel.face': '企业法人人脸识别认证',

  // 认证状态-style words for a request's state.
  'change.state.face_check': '待人脸核验',
  'change.state.face_checking': '人脸核验中',
  'change.state.choosing': '待选择变更类型',
  'change.state.new_data': '待填写新主体信息',
  'change.state.verifying': '新主体认证中',
  'change.state.proofs': '待上传证明材料',
  'change.state.in_review': '审核中',
  'change.state.rejected': '审核未通过',
  'change.state.new_name': '待确认新名称',
  'change.state.rep_data': '待核验新法人',
  'change.state.rep_checking': '新法人核验中',
  'change.state.completed': '变更完成',
  'change.state.cancelled': '已撤销',
  'change.state.expired': '已过期',

  // Why a change may not start (lib/domain/change/eligibility.ts).
  'change.refusal.not_verified': '账号尚未完成实名认证，请先完成实名认证',
  'change.refusal.never_back_to_person': '企业主体不能变更为个人主体，账号变更为企业主体后不能再变回个人主体',
  'change.refusal.wrong_subject_kind': '当前认证主体不能办理此项变更',
  // R-CHG-E3 "hidden with the hint to use 变更企业主体 to add the USCC".
  'change.refusal.not_business_entity':
    '更新企业法人信息仅适用于以统一社会信用代码（91、92 开头）认证的工商类企业。如需补充统一社会信用代码，请通过「变更企业主体」重新认证。',
  'change.refusal.in_progress.change': '您有进行中的变更申请，请继续办理或撤销后再发起新的变更',
  'change.refusal.in_progress.verification': '您有进行中的认证，请完成或撤销后再发起变更',
  'change.refusal.cool_down': '距上次完成认证不足 30 天，{until} 后可变更',

  // The data a change brings, against the subject it replaces or amends (new-subject.ts).
  'change.new_subject.same_person': '新的认证主体与当前认证主体为同一人，无需变更',
  'change.new_subject.same_enterprise': '新企业与当前认证企业为同一主体；如仅企业名称变更，请使用「变更企业名称」',
  'change.new_subject.not_requested_enterprise': '请按审核通过的变更申请填写新企业的企业名称和社会信用代码',
  'change.new_subject.same_name': '新企业名称与当前企业名称相同',
  'change.new_subject.same_legal_rep': '变更后企业法人与当前登记的企业法人相同，无需更新',

  // R-CHG-E3: why the new legal rep's WeChat / face session did not prove them.
  'change.legal_rep_failure.mismatch': '新法人信息与微信支付实名信息不一致，请由新法人本人使用微信扫码',
  'change.legal_rep_failure.no_bank_card': '新法人的微信未绑定银行卡，请先绑定银行卡后重试',
  'change.legal_rep_failure.declined': '新法人在手机上拒绝了授权',
  'change.legal_rep_failure.liveness_failed': '活体检测失败，请新法人在光线充足的环境下正对镜头重试',
  'change.legal_rep_failure.face_mismatch': '人像比对不一致，请由新法人本人完成人脸识别',
  'change.legal_rep_failure.not_passed': '新法人身份核验未通过',
  // No duration: it is the channel's (the simulator's QR code 5 minutes, Tencent Cloud's BizToken 2 hours).
  'change.legal_rep_failure.expired': '二维码已过期，新法人未在有效期内完成认证',

  // Refusals of the change steps (lib/features/change).
  'change.error.new_legal_rep_id_required': '请填写变更后企业法人身份证号',
  'change.error.subject_change_expired': '变更申请已超过 7 天有效期，已过期；如需变更请重新发起',
  'change.error.address_invalid': '请选择有效的省份、城市和区县',
  'change.error.old_legal_rep_name_mismatch': '变更前企业法人姓名与当前认证企业登记的企业法人信息不一致，请填写变更前企业法人的真实信息',
  'change.error.old_legal_rep_id_mismatch': '变更前企业法人身份证号与当前认证企业登记的企业法人信息不一致，请填写变更前企业法人的真实信息',
  'change.error.enterprise_full': '该企业实名认证的账号数量已达上限（{limit} 个），无法变更为该企业',
  'change.error.registry_unavailable': '工商登记系统暂时无法查询，请稍后重试或直接填写变更后企业名称',
  'change.error.registry_code_unknown': '工商登记系统中未查到当前认证的社会信用代码，请直接填写变更后企业名称',
  // `label`: the proof field's label (lib/schemas).
  'change.error.upload_again': '请重新上传{label}',

  // The 站内信 of a completed legal-rep update: what was updated (the name masked).
  'change.notice.legal_rep_added': '的企业法人信息已补充为 {name}',
  'change.notice.legal_rep_updated': '的企业法人信息已更新为 {name}',

  // 变更申请表 (R-CHG-E1, R-CHG-E2): the rows, the declaration and the signature lines.
  'change.form.date': (p: { day: string }) => `${p.day.slice(0, 4)}年${p.day.slice(5, 7)}月${p.day.slice(8, 10)}日`,
  'change.form.old_name': '变更前企业名称',
  'change.form.old_code': '变更前社会信用代码',
  'change.form.old_legal_rep_name': '变更前企业法人姓名',
  'change.form.old_legal_rep_id_number': '变更前企业法人身份证号',
  'change.form.new_name': '变更后企业名称',
  'change.form.new_code': '变更后社会信用代码',
  'change.form.address': '通讯地址',
  'change.form.code': '社会信用代码',
  'change.form.subject_change.declaration':
    '本企业申请将上述账号的实名认证主体由「{oldName}」变更为「{newName}」。变更完成后，账号及其资源归属变更后企业；变更完成前仍归属变更前企业。双方确认上述信息真实、准确，并同意《实名认证主体变更协议》。',
  'change.form.rename.declaration': '本企业已依法将企业名称由「{oldName}」变更为「{newName}」，社会信用代码不变，现申请更新上述账号的实名认证企业名称，并确认上述信息真实、准确。',
  'change.form.signature.old': '变更前企业（盖章）及法定代表人签字',
  'change.form.signature.new': '变更后企业（盖章）及法定代表人签字',
  'change.form.signature.one': '企业（盖章）及法定代表人签字',
} as const satisfies Record<string, MessageEntry>;
