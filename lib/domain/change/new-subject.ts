import { sameEnterpriseName } from '../enterprise-name';
import { enterpriseIdentityMaterial } from '../verification/enterprise-identity';

/**
 * Checks of the data a change brings against the subject it replaces or amends. All
 * values come in normalised (validated by the §10 rules first). Limits (R-CHG-6) are the
 * completion's business, not these.
 */
export type NewSubjectRefusal = 'same_person' | 'same_enterprise' | 'not_requested_enterprise' | 'same_name' | 'same_legal_rep';

/** A refusal's sentence: the catalogue's change.new_subject.<refusal>. */
export type NewSubjectCheck = { ok: true } | { ok: false; refusal: NewSubjectRefusal };

const OK: NewSubjectCheck = { ok: true };
const refuse = (refusal: NewSubjectRefusal): NewSubjectCheck => ({ ok: false, refusal });

export interface PersonDocument {
  documentType: string;
  documentNumber: string;
}

export interface EnterpriseNameAndCode {
  name: string;
  code: string;
}

/** 变更个人主体: the new person is someone else (the same document would change nothing). */
export function checkNewPerson(current: PersonDocument, next: PersonDocument): NewSubjectCheck {
  return current.documentType === next.documentType && current.documentNumber === next.documentNumber ? refuse('same_person') : OK;
}

/**
 * 变更企业主体: B is another enterprise than A, judged as R-LIM-2 counts enterprises (a
 * USCC and its embedded organisation code are one enterprise). Same enterprise, new
 * name: that is 变更企业名称.
 */
export function checkNewEnterprise(current: EnterpriseNameAndCode, next: EnterpriseNameAndCode): NewSubjectCheck {
  return enterpriseIdentityMaterial(current.code, current.name) === enterpriseIdentityMaterial(next.code, next.name) ? refuse('same_enterprise') : OK;
}

/**
 * After approval (R-CHG-E1), the §5.1 data verified must be the enterprise the reviewer
 * approved: same code and same name, or the review proved nothing about it.
 */
export function checkApprovedEnterprise(requested: EnterpriseNameAndCode, submitted: EnterpriseNameAndCode): NewSubjectCheck {
  return requested.code === submitted.code && sameEnterpriseName(requested.name, submitted.name) ? OK : refuse('not_requested_enterprise');
}

/** 变更企业名称: a new name, not the current one written differently. */
export function checkNewName(currentName: string, newName: string): NewSubjectCheck {
  return sameEnterpriseName(currentName, newName) ? refuse('same_name') : OK;
}

/** 更新企业法人信息: adds one when none is on file, otherwise must name another person. */
export function checkNewLegalRep(currentIdNumber: string | null, newIdNumber: string): NewSubjectCheck {
  return currentIdNumber !== null && currentIdNumber === newIdNumber ? refuse('same_legal_rep') : OK;
}
