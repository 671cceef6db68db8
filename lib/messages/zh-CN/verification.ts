import type { MessageEntry } from '../format';

/**
 * The verification methods and outcomes (SPEC §4, §5; lib/domain/verification): method
 * names, the wizards' option labels and 认证时间, why a method is withheld (R-LIM-7,
 * R-P-FACE, R-E-TYPE), and why a verification failed.
 */
const PERSONAL_CHANNEL_NAME = { wechat: '微信支付', qq: 'QQ钱包', face: '公安部门' } as const;
type ByMethod = { method: keyof typeof PERSONAL_CHANNEL_NAME };

export const verificationMessages = {
  // 认证方式 as the verified view, messages and logs name it.
  'verification.method.wechat': '微信扫码认证',
  'verification.method.qq': 'QQ扫码认证',
  'verification.method.face': '人脸识别认证',
  'verification.method.oa': '微信公众平台认证',
  'verification.method.legal_rep_wechat': '企业法人微信扫码认证',
  'verification.method.legal_rep_face': '企业法人人脸识别认证',
  'verification.method.recharge': '充值认证',
  'verification.method.payout': '企业对公打款认证',
  'verification.method.none': '实名认证',
  'verification.method.other': '{method}',

  // The personal wizard's options.
  'verification.personalMethod.wechat': '微信扫码（即时完成）',
  'verification.personalMethod.face': '人脸识别（即时完成）',
  'verification.personalMethod.qq': 'QQ扫码（即时完成）',

  // 认证时间 (SPEC §5.2; every personal method is instant).
  'verification.methodTime.instant': '即时完成',
  'verification.methodTime.oa': '即时完成',
  'verification.methodTime.legal_rep_wechat': '即时完成',
  'verification.methodTime.legal_rep_face': '即时完成',
  'verification.methodTime.recharge': '1 个工作日',
  'verification.methodTime.payout': '1–5 个工作日',

  'verification.offer.faceLocked': '24 小时内人脸识别失败次数过多，已暂时锁定',
  'verification.offer.riskLocked': '24 小时内认证失败 3 次及以上，暂不可使用此方式',
  'verification.offer.personalRisk.resident_id': '您的账号在 24 小时内认证失败 3 次及以上，为保障账号安全，仅可使用人脸识别完成认证。',
  'verification.offer.personalRisk.permit': '您的账号在 24 小时内认证失败 3 次及以上，请在限制解除后再使用微信扫码认证。',
  'verification.offer.enterpriseRisk.business':
    '您的账号在 24 小时内认证失败 3 次及以上，为保障账号安全，仅可使用企业法人人脸识别认证、充值认证或企业对公打款认证。',
  'verification.offer.enterpriseRisk.other': '您的账号在 24 小时内认证失败 3 次及以上，为保障账号安全，仅可使用充值认证或企业对公打款认证。',
  'verification.offer.notBusiness': '非工商类主体（非营业执照，或统一社会信用代码不以 91、92 开头）不能使用企业法人微信扫码认证和企业法人人脸识别认证',

  // Why a personal verification failed (never names another account).
  'verification.personalFailure.mismatch': (p: ByMethod) => `实名信息与${PERSONAL_CHANNEL_NAME[p.method]}实名信息不一致`,
  'verification.personalFailure.no_bank_card': (p: ByMethod) =>
    p.method === 'qq' ? '手机QQ未绑定银行卡，请先绑定银行卡后重试' : '微信未绑定银行卡，请先绑定银行卡后重试',
  'verification.personalFailure.liveness_failed': '活体检测失败，请在光线充足的环境下正对镜头重试',
  'verification.personalFailure.face_mismatch': '人像比对不一致，请确认由本人完成人脸识别',
  'verification.personalFailure.identity_limit': '该证件实名认证的账号数量已达上限（3 个），无法继续认证',
  'verification.personalFailure.minor': '根据相关规定，未满 18 周岁不能进行实名认证',
  'verification.personalFailure.subject_exists': '您的账号已完成实名认证，如需变更请修改认证主体',

  // Why an enterprise verification failed (never names another account or the registry's data).
  'verification.enterpriseFailure.oa_name_mismatch': '公众号的认证主体名称与填写的企业名称不一致，请使用以该企业名称完成微信认证的公众号',
  'verification.enterpriseFailure.oa_unverified': '该公众号未完成微信认证，请使用已完成企业认证的公众号',
  'verification.enterpriseFailure.mismatch': '企业法人信息与微信支付实名信息不一致，请由法定代表人本人扫码',
  'verification.enterpriseFailure.no_bank_card': '法定代表人的微信未绑定银行卡，请先绑定银行卡后重试',
  'verification.enterpriseFailure.liveness_failed': '活体检测失败，请法定代表人在光线充足的环境下正对镜头重试',
  'verification.enterpriseFailure.face_mismatch': '人像比对不一致，请由法定代表人本人完成人脸识别',
  'verification.enterpriseFailure.legal_rep_not_registered': '工商登记系统中该企业的法定代表人与填写的企业法人信息不一致，请填写营业执照上的法定代表人',
  'verification.enterpriseFailure.enterprise_limit': '该企业实名认证的账号数量已达上限（{limit} 个），无法继续认证',
  'verification.enterpriseFailure.subject_exists': '您的账号已完成实名认证，如需变更请修改认证主体',
  'verification.enterpriseFailure.recharge_chances_used': '两次转账的金额或付款账户名称与要求不符，验证机会已用完，款项已原路退回，请重新发起认证',
  'verification.enterpriseFailure.recharge_expired': '在有效期（7 个工作日）内未收到符合要求的转账，请重新发起认证',
  'verification.enterpriseFailure.payout_amount_wrong': '两次填写的收款金额均不正确，验证机会已用完，请重新发起认证',
  'verification.enterpriseFailure.payout_expired': '打款到账后 7 天内未填写收款金额，请重新发起认证',

  // 打款失败 (docs/channel-protocol.md payout.failed) and the operator check (R-E-PAY 2).
  'verification.payoutBankFailure.holder_name_mismatch': '收款账户户名与企业名称不一致',
  'verification.payoutBankFailure.account_not_found': '收款账户不存在，请核对企业银行卡账号',
  'verification.operatorFailure.operator_session_expired': '二维码已过期，请重新发起经办人人脸识别',
  'verification.operatorFailure.operator_liveness_failed': '经办人人脸识别未通过：活体检测失败，请重试',
  'verification.operatorFailure.operator_face_mismatch': '经办人人脸识别未通过：人像比对不一致，请核对经办人信息后重试',
  'verification.operatorFailure.other': '经办人人脸识别未通过，请重试',
} as const satisfies Record<string, MessageEntry>;
