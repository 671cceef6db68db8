import { requireUser } from '@/lib/auth/session';
import { text } from '@/lib/messages';
import { chinaCalendarDate } from '@/lib/domain/identity/calendar-date';
import { NEW_LEGAL_REP_ID_LABEL, NEW_LEGAL_REP_NAME_LABEL } from '@/lib/schemas/legal-rep-update-fields';
import { getServiceContext } from '@/lib/features/runtime';
import { getLegalRepChange, type LegalRepChangeView } from '@/lib/features/change';
import type { SubjectChangeView } from '@/lib/features/change';
import { CHANGE_PAGE, ChangeCompleted, ChangeEnded, ChangeScan, ChangeShell, CurrentSubject } from '../change-shell';
import { LegalRepForm } from './legal-rep-form';
import { EditButton, OpenSessionForm } from './step-forms';

/**
 * 更新企业法人信息 (R-CHG-E3): the new legal rep's data (rep_data, with why the last session
 * failed and 重试 / 修改), their WeChat or face session (rep_checking: the QR panel followed by
 * polling, 重新生成二维码, 获取新二维码 once it ran out, 修改), then 变更完成; 撤销 in the shell.
 */
export async function LegalRepSteps({ c, now }: { c: SubjectChangeView; now: Date }) {
  const user = await requireUser();
  const ctx = await getServiceContext();
  const v = await getLegalRepChange(ctx, user.accountId, c.id);
  switch (c.state) {
    case 'rep_data':
      return (
        <ChangeShell wizard="change_legal_rep" current="rep_data" c={c}>
          <DataStep c={c} v={v} today={chinaCalendarDate(now)} />
        </ChangeShell>
      );
    case 'rep_checking':
      return (
        <ChangeShell wizard="change_legal_rep" current="rep_check" c={c}>
          <CheckStep c={c} v={v} now={now} />
        </ChangeShell>
      );
    case 'completed':
      return (
        <ChangeShell wizard="change_legal_rep" current="done" c={c}>
          <ChangeCompleted c={c}>
            企业法人信息已更新，{c.subject.name} 的企业法人为 {v.onFile ? `${v.onFile.name}（${v.onFile.idMasked}）` : v.newLegalRep?.name}
          </ChangeCompleted>
        </ChangeShell>
      );
    default:
      return (
        <ChangeShell wizard="change_legal_rep" current="rep_data" c={c}>
          <ChangeEnded c={c} />
        </ChangeShell>
      );
  }
}

/** The legal rep on file and the one entered (masked). */
function LegalRepSummary({ c, v }: { c: SubjectChangeView; v: LegalRepChangeView }) {
  return (
    <>
      <CurrentSubject s={c.subject} />
      <dl className="info">
        <dt>当前企业法人</dt>
        <dd>{v.onFile ? `${v.onFile.name}（${v.onFile.idMasked}）` : '未登记（认证通过后补充）'}</dd>
        <dt>{NEW_LEGAL_REP_NAME_LABEL}</dt>
        <dd>{v.newLegalRep?.name ?? '—'}</dd>
        <dt>{NEW_LEGAL_REP_ID_LABEL}</dt>
        <dd>{v.newLegalRep?.idMasked ?? '—'}</dd>
        <dt>认证方式</dt>
        <dd>{v.channel ? text(`change.legal_rep_channel.${v.channel}`) : '—'}</dd>
      </dl>
    </>
  );
}

function DataStep({ c, v, today }: { c: SubjectChangeView; v: LegalRepChangeView; today: ReturnType<typeof chinaCalendarDate> }) {
  const face = v.channel === 'face';
  return (
    <>
      <h2>填写新法人信息</h2>
      {v.failure ? (
        <p className="warning" role="alert">
          新法人身份核验未通过：{text(`change.legal_rep_failure.${v.failure}`)}。请由新法人本人重试，或修改新法人信息。
        </p>
      ) : null}
      <LegalRepSummary c={c} v={v} />
      {v.newLegalRep && v.channel ? (
        <OpenSessionForm
          changeId={c.id}
          consentNeeded={face && v.faceConsentNeeded}
          label={v.failure ? '重试' : face ? '开始人脸识别' : '生成二维码'}
        />
      ) : null}
      <section aria-labelledby="edit-title">
        <h3 id="edit-title">修改新法人信息</h3>
        <LegalRepForm
          mode="edit"
          today={today}
          changeId={c.id}
          defaults={{ legalRepName: v.newLegalRep?.name, channel: v.channel ?? undefined }}
          idOnFileMasked={v.newLegalRep?.idMasked}
          faceConsentNeeded={v.faceConsentNeeded}
          submitLabel="保存并重新核验"
        />
      </section>
    </>
  );
}

function CheckStep({ c, v, now }: { c: SubjectChangeView; v: LegalRepChangeView; now: Date }) {
  const title = v.channel ? text(`change.legal_rep_channel.${v.channel}`) : '新法人身份核验';
  const session = v.session;
  const open = session?.state === 'open' ? session : null;
  return (
    <>
      <h2>新法人身份核验</h2>
      <LegalRepSummary c={c} v={v} />
      <ChangeScan
        c={c}
        now={now}
        title={title}
        hint={v.channel === 'face' ? '请新法人使用手机扫描二维码，完成本人人脸识别' : '请新法人使用本人微信扫描二维码并授权'}
        open={open}
        expired={session?.state === 'expired'}
        renew={(label) => <OpenSessionForm changeId={c.id} consentNeeded={v.channel === 'face' && v.faceConsentNeeded} label={label} />}
        refreshHref={`${CHANGE_PAGE}?id=${encodeURIComponent(c.id)}`}
      />
      <div className="actions">
        {open ? <OpenSessionForm changeId={c.id} consentNeeded={false} label="重新生成二维码" /> : null}
        <EditButton changeId={c.id} />
      </div>
    </>
  );
}
