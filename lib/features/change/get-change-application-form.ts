import { findAccountById } from '@/db/queries/accounts';
import { findChangeRequest, findSubjectById } from '@/db/queries/change-requests';
import type { ChangeRequestRow, SubjectRow } from '@/db/schema';
import { chinaDayKey } from '@/lib/domain/business-days';
import { maskIdentifier } from '@/lib/domain/mask';
import { AppError } from '@/lib/errors';
import { text } from '@/lib/messages';
import { addressLabel } from '@/lib/geo/divisions';
import { renderChangeApplicationFormPdf, type ChangeApplicationFormData } from '@/lib/documents/change-application-form';
import { decryptField } from '@/lib/security/crypto';
import { CHANGE_LEGAL_REP_ID_CONTEXT, CHANGE_NEW_CODE_CONTEXT } from '@/db/schema';
import { isUuid } from '@/lib/schemas/uuid';
import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import type { ServiceContext } from '../context';

/** What the form says (the PDF is this document's edge: it is worded here, from the catalogue's change.form.*), by the request's type (the two types whose proofs include a 变更申请表). */
function formContent(row: ChangeRequestRow, old: SubjectRow): Pick<ChangeApplicationFormData, 'rows' | 'declaration' | 'signatures'> | null {
  const oldCode = maskIdentifier(decryptField(old.documentNumberEnc, SUBJECT_DOCUMENT_CONTEXT));
  if (row.type === 'enterprise_to_enterprise' && row.newName && row.newCodeEnc && row.legalRepName && row.legalRepIdNumberEnc) {
    const address = row.province && row.city && row.district ? `${addressLabel(row.province, row.city, row.district)} ${row.addressDetail ?? ''}`.trim() : '';
    return {
      rows: [
        { label: text('change.form.old_name'), value: old.name },
        { label: text('change.form.old_code'), value: oldCode },
        { label: text('change.form.old_legal_rep_name'), value: row.legalRepName },
        { label: text('change.form.old_legal_rep_id_number'), value: maskIdentifier(decryptField(row.legalRepIdNumberEnc, CHANGE_LEGAL_REP_ID_CONTEXT)) },
        { label: text('change.form.new_name'), value: row.newName },
        { label: text('change.form.new_code'), value: maskIdentifier(decryptField(row.newCodeEnc, CHANGE_NEW_CODE_CONTEXT)) },
        { label: text('change.form.address'), value: address },
      ],
      declaration: text('change.form.subject_change.declaration', { oldName: old.name, newName: row.newName }),
      signatures: [text('change.form.signature.old'), text('change.form.signature.new')],
    };
  }
  if (row.type === 'enterprise_rename' && row.newName) {
    return {
      rows: [
        { label: text('change.form.code'), value: oldCode },
        { label: text('change.form.old_name'), value: row.previousName ?? old.name },
        { label: text('change.form.new_name'), value: row.newName },
      ],
      declaration: text('change.form.rename.declaration', { oldName: row.previousName ?? old.name, newName: row.newName }),
      signatures: [text('change.form.signature.one')],
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
    typeLabel: text(`change.type.${row.type}`),
    requestNumber: row.id,
    accountNumber: account.accountNumber,
    ...content,
    dateText: text('change.form.date', { day: chinaDayKey(row.createdAt) }),
    createdAt: now,
  });
  return { filename: `change-application-${row.id.slice(0, 8)}.pdf`, bytes };
}
