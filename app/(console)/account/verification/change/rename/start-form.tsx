import { requireUser } from '@/lib/auth/session';
import { text } from '@/lib/messages';
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
      <p className="muted">{text('change.rename_note')}。</p>
      <p role="note">
        {start.path === 'automatic' ? '办理方式：即时更新。' : '办理方式：提交证明材料审核。'}
        {text(`change.rename_path.${start.path}`)}
        {start.path === 'automatic' ? '；工商登记尚未更新时需上传证明材料并审核（1 个工作日）。' : '。'}
      </p>
      <RenameNameForm submitLabel="提交" />
    </>
  );
}
