import type { MessageEntry } from '../format';

/**
 * The separate consents' texts (PIPL art. 29–30, SECURITY 17), one per purpose of
 * lib/domain/consent.ts at its current version (CONSENT_VERSION): changing a text here
 * means a new version there. Client forms read this section directly (ConsentField).
 */
const TITLE = {
  face: '《人脸信息处理授权书》',
  bank_and_id_photos: '《企业银行账户及身份证件照片处理授权书》',
  // R-CHG-P1: the current owner agrees, at 开始修改, to hand the account over.
  subject_change: '《实名认证主体变更协议》',
  // R-CHG-P2: the new owner accepts the account with its resources and obligations.
  subject_change_accept: '《接受实名认证主体变更协议》',
} as const;

type Purpose = { purpose: keyof typeof TITLE };

export const consentMessages = {
  'consent.face.title': TITLE.face,
  'consent.face.body':
    '为完成本次实名认证，需由认证人本人在手机上完成人脸识别。人脸信息属于敏感个人信息，仅由人脸识别服务方用于与身份证件信息比对；' +
    '我们只保存比对结果和服务方的流水号，不保存人脸图像。您可以拒绝并选择其他认证方式。',
  'consent.bank_and_id_photos.title': TITLE.bank_and_id_photos,
  'consent.bank_and_id_photos.body':
    '为完成企业对公打款认证，需收集企业银行账户信息、法定代表人身份证件信息和手持身份证照片、经办人身份证件信息及人脸识别结果。' +
    '这些信息加密保存，仅用于向该账户打款核验及人工审核，审核人员查看完整信息会被记录；未完成或被驳回的材料在保留期满后删除。您可以拒绝并选择其他认证方式。',
  'consent.subject_change.title': TITLE.subject_change,
  'consent.subject_change.body':
    '变更完成后，本账号及其下的云资源、余额、欠费和发票等全部权利义务归属新的认证主体，原认证主体不再享有本账号的权益。' +
    '变更完成前，账号仍归属原认证主体；您可以在完成前随时撤销变更，撤销后账号保持原状。办理变更需由当前认证主体本人完成人脸核验。',
  'consent.subject_change_accept.title': TITLE.subject_change_accept,
  'consent.subject_change_accept.body':
    '新的认证主体同意接受本账号，并自变更完成之时起承担账号下全部云资源、余额、欠费和发票等权利义务。' +
    '新主体信息将按实名认证的规则核验，并计入该证件或企业可实名认证的账号数量。',
  /** The checkbox's label. */
  'consent.label': (p: Purpose) => `我已阅读并同意${TITLE[p.purpose]}`,
  /** 查看… beside the checkbox. */
  'consent.show': (p: Purpose) => `查看${TITLE[p.purpose]}`,
  /** A missing or stale consent (CONSENT_REQUIRED names the document). */
  'consent.required': (p: Purpose) => `请阅读并同意${TITLE[p.purpose]}`,
} as const satisfies Record<string, MessageEntry>;
