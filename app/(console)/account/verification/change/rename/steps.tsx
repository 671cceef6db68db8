import { requireUser } from '@/lib/auth/session';
import { text } from '@/lib/messages';
import { getServiceContext } from '@/lib/features/runtime';
import { getRenameChange, type RenameChangeView } from '@/lib/features/change';
import type { SubjectChangeView } from '@/lib/features/change';
import { ChangeCompleted, ChangeEnded, ChangeInReview, ChangeRejected, ChangeShell, CurrentSubject } from '../change-shell';
import { RenameBackButton, RenameNameForm, RenameProofsForm } from './rename-forms';

/** Room A's route: the 变更申请表 pre-filled with the request, as a PDF. */
const applicationFormHref = (id: string) => `/api/verification/change/application-form?id=${encodeURIComponent(id)}`;

/** 变更企业名称 (R-CHG-E2): the request at its step — the name, the proofs, the review, 变更完成. */
export async function RenameSteps({ c }: { c: SubjectChangeView; now: Date }) {
  const user = await requireUser();
  const r = await getRenameChange(await getServiceContext(), user.accountId, c.id);
  switch (c.state) {
    case 'new_name':
      return (
        <ChangeShell wizard="change_rename" current="new_name" c={c}>
          <h2>填写变更后企业名称</h2>
          <CurrentSubject s={c.subject} />
          {r.registryWaiting ? (
            <p className="warning" role="alert">
              工商登记系统暂时无法查询，申请已保存在当前步骤，尚未做出任何变更。请稍后点击「重新查询」重试。
            </p>
          ) : null}
          <p className="muted">{text(`change.rename_path.${r.path}`)}。</p>
          <RenameNameForm changeId={c.id} initialName={r.newName} submitLabel={r.registryWaiting ? '重新查询' : '提交'} />
        </ChangeShell>
      );
    case 'proofs':
      return (
        <ChangeShell wizard="change_rename" current="proofs" c={c}>
          <h2>上传证明材料</h2>
          <Names r={r} />
          <p>
            {r.path === 'automatic'
              ? '工商登记系统中尚未查到变更后企业名称，请上传以下证明材料，审核时间 1 个工作日。'
              : '请上传以下证明材料，审核时间 1 个工作日。'}
          </p>
          <p>
            <a href={applicationFormHref(c.id)} download>
              下载变更申请表
            </a>
            <span className="muted">（已按本次申请预填，请加盖公章后上传）</span>
          </p>
          <RenameProofsForm changeId={c.id} />
          <div className="actions">
            <RenameBackButton changeId={c.id} />
          </div>
        </ChangeShell>
      );
    case 'in_review':
      return (
        <ChangeShell wizard="change_rename" current="proofs" c={c}>
          <ChangeInReview c={c} review={r.review}>
            <Names r={r} />
          </ChangeInReview>
        </ChangeShell>
      );
    case 'rejected':
      return (
        <ChangeShell wizard="change_rename" current="proofs" c={c}>
          <ChangeRejected review={r.review} what="企业名称变更证明材料" />
        </ChangeShell>
      );
    case 'completed':
      return (
        <ChangeShell wizard="change_rename" current="done" c={c}>
          <ChangeCompleted c={c}>
            企业名称已由“{r.previousName}”变更为“{r.newName}”
          </ChangeCompleted>
        </ChangeShell>
      );
    default:
      return (
        <ChangeShell wizard="change_rename" current="new_name" c={c}>
          <ChangeEnded c={c} />
        </ChangeShell>
      );
  }
}

function Names({ r }: { r: RenameChangeView }) {
  return (
    <dl className="info">
      <dt>变更前企业名称</dt>
      <dd>{r.previousName}</dd>
      <dt>变更后企业名称</dt>
      <dd>{r.newName}</dd>
    </dl>
  );
}
