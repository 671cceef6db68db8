import { formatEntry, type MessageEntry } from '../format';

/**
 * Identity documents and codes (SPEC §10, R-LIM-5, §5.1): the labels of the domain's
 * document types and codes, and the refusals of lib/domain/identity, person-name and
 * enterprise-name. Forms in the browser word their refusals from this section alone
 * (identityText), so it imports nothing but the formatter.
 */
const DOCUMENT_TYPE = {
  resident_id: '身份证',
  hk_macau_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
} as const;

const REFUSED_DOCUMENT = {
  hmt_residence_permit: '港澳台居民居住证',
  foreign_permanent_residence_card: '外国人永久居留身份证',
} as const;

// R-LIM-5: anything else is refused with the hint to use the international site.
const NOT_ACCEPTED = `个人实名认证仅支持${Object.values(DOCUMENT_TYPE).join('、')}，持其他证件请前往国际站完成认证`;

export const identityMessages = {
  'identity.documentType.resident_id': DOCUMENT_TYPE.resident_id,
  'identity.documentType.hk_macau_permit': DOCUMENT_TYPE.hk_macau_permit,
  'identity.documentType.taiwan_permit': DOCUMENT_TYPE.taiwan_permit,
  'identity.licenceType.business_licence': '营业执照',
  'identity.licenceType.other': '非营业执照',
  'identity.codeKind.uscc': '统一社会信用代码',
  'identity.codeKind.registration_number': '工商注册号',
  'identity.codeKind.organisation_code': '组织机构代码',
  /** 机构代码 when the kind of an enterprise code cannot be told. */
  'identity.codeKind.unknown': '机构代码',
  'identity.documentNumber': '证件号码',
  /** A stored document type this product no longer names: its code as is. */
  'identity.documentType.other': '{type}',
  'identity.region.mainland': '中国大陆',

  'identity.document.notAccepted': NOT_ACCEPTED,
  'identity.document.refused': (p: { document: keyof typeof REFUSED_DOCUMENT }) => `暂不支持${REFUSED_DOCUMENT[p.document]}。${NOT_ACCEPTED}`,
  'identity.document.required': '请填写证件号码',
  'identity.document.format.resident_id': '请填写18位二代身份证号码',
  'identity.document.format.hk_macau_permit': '港澳居民来往内地通行证号码格式为 H 或 M 加 8 位或 10 位数字',
  'identity.document.format.taiwan_permit': '台湾居民来往大陆通行证号码格式为 8 位或 10 位数字',
  // The number field's placeholder, per document type.
  'identity.document.placeholder.resident_id': '请填写18位二代身份证号码',
  'identity.document.placeholder.hk_macau_permit': '请填写 H 或 M 开头的通行证号码',
  'identity.document.placeholder.taiwan_permit': '请填写 8 位或 10 位通行证号码',
  'identity.residentId.province': '身份证号码前两位不是有效的省份代码，请检查',
  'identity.residentId.birth_date': '出生日期无效',
  'identity.residentId.future_birth_date': '出生日期不能晚于今天，请检查',
  'identity.residentId.check_char': '身份证号码校验位不正确，请检查',

  // A field that takes a mainland resident ID only; {label} names the field, {text} is the field's own "not mainland" sentence.
  'identity.mainlandId.required': '请填写{label}',
  'identity.mainlandId.notMainland': '{text}',
  'identity.mainlandId.birth_date': '{label}中的出生日期无效，请检查',
  'identity.mainlandId.future_birth_date': '{label}中的出生日期不能晚于今天，请检查',
  'identity.mainlandId.check_char': '{label}校验位不正确，请检查',

  'identity.enterpriseCode.required': '请填写社会信用代码或其他组织机构代码',
  'identity.enterpriseCode.length': '请填写18位统一社会信用代码、15位工商注册号或9位组织机构代码',
  'identity.uscc.format': '统一社会信用代码为18位数字或大写字母，请按营业执照填写',
  'identity.uscc.forbidden_letter': '统一社会信用代码不含字母 I、O、Z、S、V，请检查是否误填（如字母 O 应为数字 0）',
  'identity.uscc.check_char': '统一社会信用代码校验位不正确，请检查',
  'identity.uscc.organisation_code': '统一社会信用代码第9至17位（组织机构代码）校验不正确，请检查',
  'identity.registrationNumber.format': '工商注册号为15位数字',
  'identity.registrationNumber.check_char': '工商注册号校验位不正确，请检查',
  'identity.organisationCode.format': '组织机构代码为8位数字或大写字母加1位校验码',
  'identity.organisationCode.check_char': '组织机构代码校验位不正确，请检查',

  'identity.bankAccount.format': '银行账号为8至30位数字',

  // SPEC §4.1 真实姓名 and every person-name field: {label} names the field (真实姓名 when not given).
  'identity.personName.required': (p: { label?: string }) => `请填写${p.label ?? '真实姓名'}`,
  'identity.personName.length': (p: { label?: string; min: number; max: number }) => `${p.label ?? '真实姓名'}应为 ${p.min}–${p.max} 个字符`,
  'identity.personName.characters': (p: { label?: string }) => `${p.label ?? '真实姓名'}只能包含汉字、英文字母、空格和间隔号“·”`,

  // SPEC §5.1 企业名称: "请严格按照营业执照企业名称填写".
  'identity.enterpriseName.required': '请填写企业名称',
  'identity.enterpriseName.length': '企业名称应为 {min}–{max} 个字符',
  'identity.enterpriseName.characters': '企业名称含有不支持的字符，请严格按照营业执照企业名称填写',
} as const satisfies Record<string, MessageEntry>;

export type IdentityCode = keyof typeof identityMessages;

/** A refusal of lib/domain/identity (or person-name, enterprise-name) in words — for schemas that also run in the browser. */
export function identityText(phrase: { code: IdentityCode; params?: Record<string, string | number> }): string {
  return formatEntry(identityMessages[phrase.code], phrase.params);
}

/** The number field's placeholder for the chosen document type (the resident ID's until one is chosen). */
export function numberPlaceholder(documentType: string): string {
  const key = `identity.document.placeholder.${documentType}`;
  return identityMessages[(key in identityMessages ? key : 'identity.document.placeholder.resident_id') as Extract<IdentityCode, `identity.document.placeholder.${string}`>];
}
