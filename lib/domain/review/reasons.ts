import { isReviewItemKey, REVIEW_ITEM_KEYS, REVIEW_ITEMS, type ReviewItemKey, type ReviewItemKind } from './items';

/**
 * Structured rejection (SPEC §13): a reviewer rejects by picking fixed reasons, each for
 * one item of the case. Every reason carries the fix hint the user sees next to the
 * item to replace; the reviewer's free-text note stays internal. The user re-submits
 * only the items named here.
 */
export interface RejectionReasonSpec {
  /** What the reviewer picks and the user reads as the reason. */
  label: string;
  /** What the user should do: shown beside the item to replace. */
  hint: string;
  /** The items this reason can be given for. */
  items: readonly ReviewItemKey[];
}

const itemsOfKind = (...kinds: ReviewItemKind[]) => REVIEW_ITEM_KEYS.filter((k) => kinds.includes(REVIEW_ITEMS[k].kind));

const LICENCES: ReviewItemKey[] = ['business_licence', 'new_business_licence', 'old_licence_or_deregistration'];
const HELD_ID_PHOTOS: ReviewItemKey[] = ['legal_rep_id_portrait_photo', 'legal_rep_id_emblem_photo'];

export const REJECTION_REASONS = {
  licence_unclear: {
    label: '营业执照不清晰',
    hint: '请上传清晰、完整的营业执照彩色照片',
    items: LICENCES,
  },
  licence_outdated: {
    label: '营业执照不是最新版本',
    hint: '请上传最新的营业执照（以登记机关最近一次核发的为准）',
    items: LICENCES,
  },
  held_id_unclear: {
    label: '法人手持身份证照片不清晰',
    hint: '请上传法定代表人本人手持身份证的彩色照片，人脸和证件文字均需清晰可见、无遮挡',
    items: HELD_ID_PHOTOS,
  },
  held_id_wrong_side: {
    label: '身份证照片面别不正确',
    hint: '人像面照片请拍摄身份证带头像的一面，国徽面照片请拍摄带国徽的一面',
    items: HELD_ID_PHOTOS,
  },
  document_expired: {
    label: '证件已过期',
    hint: '请上传在有效期内的证件照片',
    items: [...HELD_ID_PHOTOS, 'legal_rep_passport_or_driving_licence'],
  },
  form_incomplete: {
    label: '变更申请表填写不完整或未加盖公章',
    hint: '请下载本次申请的变更申请表模板，完整填写并加盖企业公章后上传',
    items: ['change_application_form'],
  },
  proof_invalid: {
    label: '变更证明材料无效',
    hint: '请上传登记机关或事业单位上级主管单位出具并加盖公章的变更证明',
    items: ['change_certificate', 'old_licence_or_deregistration'],
  },
  file_unreadable: {
    label: '文件无法查看',
    hint: '请重新上传可以正常打开的 JPG、PNG 或 PDF 文件，大小不超过 5 MB',
    items: itemsOfKind('file'),
  },
  info_mismatch: {
    label: '信息与证件不一致',
    hint: '请按证件上的内容逐字核对后重新填写',
    items: itemsOfKind('text', 'masked'),
  },
  bank_account_invalid: {
    label: '对公银行账户信息有误',
    hint: '请填写以企业名称开户的对公银行账户，并核对开户银行、银行所在地与开户支行名',
    items: ['bank_account_number', 'bank_name', 'bank_location', 'bank_branch'],
  },
} as const satisfies Record<string, RejectionReasonSpec>;

export type RejectionReasonCode = keyof typeof REJECTION_REASONS;

export const REJECTION_REASON_CODES = Object.keys(REJECTION_REASONS) as RejectionReasonCode[];

export function isRejectionReasonCode(value: string): value is RejectionReasonCode {
  return Object.hasOwn(REJECTION_REASONS, value);
}

/** One picked reason: this item, for this reason. */
export interface RejectionPick {
  itemKey: ReviewItemKey;
  code: RejectionReasonCode;
}

/** The reasons a reviewer may pick for `item`, in table order. */
export function reasonsForItem(item: ReviewItemKey): RejectionReasonCode[] {
  return REJECTION_REASON_CODES.filter((code) => (REJECTION_REASONS[code].items as readonly ReviewItemKey[]).includes(item));
}

/** How a pick travels in a form field: `item:code`. */
export function encodePick(p: RejectionPick): string {
  return `${p.itemKey}:${p.code}`;
}

export function decodePick(value: string): RejectionPick | null {
  const [itemKey, code, ...rest] = value.split(':');
  if (rest.length > 0 || !itemKey || !code) return null;
  // Keys are checked against the vocabularies here; whether they fit the case, in checkRejection.
  if (!isRejectionReasonCode(code) || !isReviewItemKey(itemKey)) return null;
  return { itemKey, code };
}

export type RejectionCheck = { ok: true; picks: RejectionPick[] } | { ok: false; reason: 'required' | 'not_applicable' };

/**
 * A rejection must name at least one reason, each for an item of this case that the
 * reason fits. Duplicates collapse; the order is the case's item order, then the table's.
 */
export function checkRejection(caseItems: readonly ReviewItemKey[], picks: readonly RejectionPick[]): RejectionCheck {
  if (picks.length === 0) return { ok: false, reason: 'required' };
  for (const p of picks) {
    if (!caseItems.includes(p.itemKey) || !reasonsForItem(p.itemKey).includes(p.code)) return { ok: false, reason: 'not_applicable' };
  }
  const seen = new Set(picks.map(encodePick));
  const ordered: RejectionPick[] = [];
  for (const itemKey of caseItems) {
    for (const code of REJECTION_REASON_CODES) {
      if (seen.has(encodePick({ itemKey, code }))) ordered.push({ itemKey, code });
    }
  }
  return { ok: true, picks: ordered };
}

/** The user's view of a rejection: each rejected item once, with its reasons and their fix hints. */
export function rejectedItems(picks: readonly RejectionPick[]): { itemKey: ReviewItemKey; reasons: { code: RejectionReasonCode; label: string; hint: string }[] }[] {
  const byItem = new Map<ReviewItemKey, { code: RejectionReasonCode; label: string; hint: string }[]>();
  for (const p of picks) {
    const reasons = byItem.get(p.itemKey) ?? [];
    reasons.push({ code: p.code, label: REJECTION_REASONS[p.code].label, hint: REJECTION_REASONS[p.code].hint });
    byItem.set(p.itemKey, reasons);
  }
  return [...byItem].map(([itemKey, reasons]) => ({ itemKey, reasons }));
}
