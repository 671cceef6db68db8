import { findAccountById } from '@/db/queries/accounts';
import { findChangeRequest, findSubjectById } from '@/db/queries/change-requests';
import type { ChangeRequestRow, SubjectRow } from '@/db/schema';
import { chinaDayKey } from '@/lib/domain/business-days';
import { CHANGE_TYPE_LABEL } from '@/lib/domain/change/change-types';
import { maskIdentifier } from '@/lib/domain/mask';
import { AppError } from '@/lib/errors';
import { addressLabel } from '@/lib/geo/divisions';
import { renderChangeApplicationFormPdf, type ChangeApplicationFormData } from '@/lib/documents/change-application-form';
import { decryptField } from '@/lib/security/crypto';
import { CHANGE_LEGAL_REP_ID_CONTEXT, CHANGE_NEW_CODE_CONTEXT } from '@/db/schema';
import { isUuid } from '@/lib/schemas/uuid';
import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import type { ServiceContext } from '../context';

/** `2026-11-27` → `2026年11月27日`. */
function chineseDate(day: string): string {
  return `${day.slice(0, 4)}年${day.slice(5, 7)}月${day.slice(8, 10)}日`;
}

/** What the form says, by the request's type (the two types whose proofs include a 变更申请表). */
function formContent(row: ChangeRequestRow, old: SubjectRow): Pick<ChangeApplicationFormData, 'rows' | 'declaration' | 'signatures'> | null {
  const oldCode = maskIdentifier(decryptField(old.documentNumberEnc, SUBJECT_DOCUMENT_CONTEXT));
  if (row.type === 'enterprise_to_enterprise' && row.newName && row.newCodeEnc && row.legalRepName && row.legalRepIdNumberEnc) {
    const address = row.province && row.city && row.district ? `${addressLabel(row.province, row.city, row.district)} ${row.addressDetail ?? ''}`.trim() : '';
    return {
      rows: [
        { label: '变更前企业名称', value: old.name },
        { label: '变更前社会信用代码', value: oldCode },
        { label: '变更前企业法人姓名', value: row.legalRepName },
        { label: '变更前企业法人身份证号', value: maskIdentifier(decryptField(row.legalRepIdNumberEnc, CHANGE_LEGAL_REP_ID_CONTEXT)) },
        { label: '变更后企业名称', value: row.newName },
        { label: '变更后社会信用代码', value: maskIdentifier(decryptField(row.newCodeEnc, CHANGE_NEW_CODE_CONTEXT)) },
        { label: '通讯地址', value: address },
      ],
      declaration: `本企业申请将上述账号的实名认证主体由「${old.name}」变更为「${row.newName}」。变更完成后，账号及其资源归属变更后企业；变更完成前仍归属变更前企业。双方确认上述信息真实、准确，并同意《实名认证主体变更协议》。`,
      signatures: ['变更前企业（盖章）及法定代表人签字', '变更后企业（盖章）及法定代表人签字'],
    };
  }
  if (row.type === 'enterprise_rename' && row.newName) {
    return {
      rows: [
        { label: '社会信用代码', value: oldCode },
        { label: '变更前企业名称', value: row.previousName ?? old.name },
        { label: '变更后企业名称', value: row.newName },
      ],
      declaration: `本企业已依法将企业名称由「${row.previousName ?? old.name}」变更为「${row.newName}」，社会信用代码不变，现申请更新上述账号的实名认证企业名称，并确认上述信息真实、准确。`,
      signatures: ['企业（盖章）及法定代表人签字'],
    };
  }
  return null;
}

/**
 * 下载变更申请表 (R-CHG-E1, R-CHG-E2): the template pre-filled with the account's own
 * request — another account's id, or a type without proofs, is NOT_FOUND. Numbers masked.
 */
export async function getChangeApplicationForm(ctx: ServiceContext, accountId: string, changeId: string): Promise<{ filename: string; bytes: Uint8Array }> {
  const row = isUuid(changeId) ? await findChangeRequest(ctx.db, accountId, changeId) : undefined;
  if (!row || !row.type) throw new AppError('NOT_FOUND');
  const [old, account, now] = await Promise.all([findSubjectById(ctx.db, row.oldSubjectId), findAccountById(ctx.db, accountId), ctx.clock.now()]);
  const content = old && account ? formContent(row, old) : null;
  if (!content || !account) throw new AppError('NOT_FOUND');
  const bytes = await renderChangeApplicationFormPdf({
    typeLabel: CHANGE_TYPE_LABEL[row.type],
    requestNumber: row.id,
    accountNumber: account.accountNumber,
    ...content,
    dateText: chineseDate(chinaDayKey(row.createdAt)),
    createdAt: now,
  });
  return { filename: `change-application-${row.id.slice(0, 8)}.pdf`, bytes };
}
