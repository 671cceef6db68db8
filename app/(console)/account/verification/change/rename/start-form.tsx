import { requireUser } from '@/lib/auth/session';
import { ENTERPRISE_RENAME_NOTE } from '@/lib/domain/change/change-types';
import { RENAME_PATH_NOTE } from '@/lib/domain/change/eligibility';
import { getServiceContext } from '@/lib/features/runtime';
import { getRenameStart } from '@/lib/features/change';
import type { ChangeSubjectView } from '@/lib/features/change';
import { RenameNameForm } from './rename-forms';

/**
 * 变更企业名称 (R-CHG-E2): the new name, typed or found by 查询新名称, and which way the
 * request will go for this subject — at once when the registry confirms it (a complete
 * subject with a 91/92 USCC), otherwise proofs and a review.
 */
export async function RenameStartForm(_props: { subject: ChangeSubjectView }) {
  const user = await requireUser();
  const start = await getRenameStart(await getServiceContext(), user.accountId);
  return (
    <>
      <p className="muted">{ENTERPRISE_RENAME_NOTE}。</p>
      <p role="note">
        {start.path === 'automatic' ? '办理方式：即时更新。' : '办理方式：提交证明材料审核。'}
        {RENAME_PATH_NOTE[start.path]}
        {start.path === 'automatic' ? '；工商登记尚未更新时需上传证明材料并审核（1 个工作日）。' : '。'}
      </p>
      <RenameNameForm submitLabel="提交" />
    </>
  );
}
