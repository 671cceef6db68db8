import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireUser } from '@/lib/auth/session';
import { isChangeType, type ChangeType } from '@/lib/domain/change/change-types';
import type { ChangeOffer, ChangeOption } from '@/lib/domain/change/eligibility';
import type { WizardStep } from '@/lib/domain/wizard-steps';
import { text, textOf } from '@/lib/messages';
import { getServiceContext } from '@/lib/features/runtime';
import { getSubjectChange, type ChangeSubjectView, type SubjectChangeView } from '@/lib/features/change';
import { AcceptAgreementForm, BackButton, ChooseTypeButton, FaceCheckForm, StartChangeForm } from './change-forms';
import { CHANGE_PAGE, ChangeCompleted, ChangeEnded, ChangeScan, ChangeShell, CurrentSubject } from './change-shell';
import { LegalRepStartForm } from './legal-rep/start-form';
import { LegalRepSteps } from './legal-rep/steps';
import { RenameStartForm } from './rename/start-form';
import { RenameSteps } from './rename/steps';
import { SubjectChangeStartForm } from './subject/start-form';
import { SubjectChangeSteps } from './subject/steps';

export const metadata: Metadata = { title: '修改认证主体 - 云控制台' };

const SELF = CHANGE_PAGE;

const label = (o: ChangeOption) => text(`change.type.${o.type}`);

const OPTION_NOTE: Record<string, string> = {
  person_to_enterprise: '账号变更为归属企业，适用企业、个体工商户、政府、事业单位等；无需等待。变更后账号不能再变回个人主体。',
  person_to_person: '账号变更为归属另一位个人；距上次完成实名认证满 30 天后可办理，新认证人需通过微信扫码或人脸识别完成认证。',
  enterprise_to_enterprise:
    '账号变更为归属另一家企业；距上次完成实名认证满 30 天后可办理。需原企业法人人脸识别、上传证明材料并经审核（1 个工作日），申请有效期 7 天。',
  legal_rep_update: '更新或补充企业法人信息（仅支持中国大陆居民身份证），需新法人通过微信扫码或人脸识别完成认证，并与工商登记信息一致。',
};

/** The room of each enterprise type: its start form (on this page, ?type=…) and its steps. */
const ENTERPRISE_START_FORM: Partial<Record<ChangeType, (props: { subject: ChangeSubjectView }) => ReactNode>> = {
  enterprise_to_enterprise: SubjectChangeStartForm,
  enterprise_rename: RenameStartForm,
  legal_rep_update: LegalRepStartForm,
};

export default async function SubjectChangePage({ searchParams }: { searchParams: Promise<{ id?: string; type?: string }> }) {
  const user = await requireUser();
  const ctx = await getServiceContext();
  const [{ id, type }, now] = await Promise.all([searchParams, ctx.clock.now()]);
  const page = await getSubjectChange(ctx, user.accountId, id);

  switch (page.kind) {
    case 'no_subject':
      redirect('/account/verification');
    // falls through: redirect never returns
    case 'other_process':
      return (
        <>
          <h1>修改认证主体</h1>
          <p role="alert">您有正在进行的实名认证，请先完成或撤销后再修改认证主体。</p>
          <Link href="/account/verification">返回实名认证</Link>
        </>
      );
    case 'start':
      return (
        <>
          {page.lastExpired ? <p role="status">变更申请已过期，账号仍归属原认证主体。</p> : null}
          {page.subject.kind === 'person' || !page.offer ? (
            <PersonStart subject={page.subject} refusal={page.refusal ? textOf(page.refusal) : null} />
          ) : (
            <EnterpriseStart subject={page.subject} offer={page.offer} chosen={type && isChangeType(type) ? type : null} />
          )}
        </>
      );
    case 'change':
      return <ChangeStep c={page.change} now={now} />;
  }
}

/** R-CHG-1: 修改个人实名认证, the three steps, the agreement and 开始修改. */
function PersonStart({ subject, refusal }: { subject: ChangeSubjectView; refusal: string | null }) {
  return (
    <>
      <h1>{text('change.page_title.person')}</h1>
      <section className="panel wizard" aria-labelledby="change-title">
        <h2 id="change-title">{text('change.section_title.person')}</h2>
        <CurrentSubject s={subject} />
        <ol>
          <li>当前认证人完成人脸识别，确认本人发起变更；</li>
          <li>选择「变更为企业主体」或「变更个人主体」，填写新主体信息并同意《接受实名认证主体变更协议》；</li>
          <li>新主体按实名认证方式完成认证，变更即时生效。</li>
        </ol>
        <ul className="muted">
          <li>变更完成前，账号及其资源仍归属当前认证主体；变更完成前可随时撤销。</li>
          <li>变更为企业主体：无需等待；变更后账号不能再变回个人主体。</li>
          <li>变更个人主体：距上次完成实名认证满 30 天后可办理；新认证人仅可使用微信扫码或人脸识别。</li>
        </ul>
        {refusal ? (
          <p role="alert">{refusal}</p>
        ) : (
          <StartChangeForm />
        )}
        <p>
          <Link href="/account/verification">返回实名认证</Link>
        </p>
      </section>
    </>
  );
}

/**
 * R-CHG-1, R-CHG-E1 … E3: the enterprise account's three types on one page, each with
 * why it cannot start yet; 更新企业法人信息 hidden with its hint for a subject that is not
 * 工商类 with a USCC. A chosen type (?type=…) shows its start form. Never back to a person (R-CHG-5).
 */
function EnterpriseStart({ subject, offer, chosen }: { subject: ChangeSubjectView; offer: ChangeOffer; chosen: ChangeType | null }) {
  const option = chosen ? offer.options.find((o) => o.type === chosen && o.available) : undefined;
  const Form = option ? ENTERPRISE_START_FORM[option.type] : undefined;
  return (
    <>
      <h1>{text('change.page_title.enterprise')}</h1>
      <section className="panel wizard" aria-labelledby="change-title">
        <h2 id="change-title">{option ? label(option) : text('change.section_title.enterprise')}</h2>
        <CurrentSubject s={subject} />
        {option && Form ? (
          <>
            <Form subject={subject} />
            <p>
              <Link href={SELF}>返回选择变更类型</Link>
            </p>
          </>
        ) : (
          <>
            {offer.notice ? <p role="alert">{textOf(offer.notice)}</p> : null}
            <ul className="methods">
              {offer.options.map((o) => (
                <li key={o.type} className="method">
                  <h3>{label(o)}</h3>
                  <p className="muted">
                    {o.type === 'enterprise_rename' ? `${text('change.rename_note')}。${o.renamePath ? text(`change.rename_path.${o.renamePath}`) : ''}` : OPTION_NOTE[o.type]}
                  </p>
                  {o.available ? (
                    <Link className="button" href={`${SELF}?type=${o.type}`} aria-label={`办理${label(o)}`}>
                      开始修改
                    </Link>
                  ) : (
                    <p className="muted">{o.reason ? textOf(o.reason) : null}</p>
                  )}
                </li>
              ))}
            </ul>
            {offer.legalRepHint ? (
              <p className="muted" role="note">
                {textOf(offer.legalRepHint)}
              </p>
            ) : null}
            <p className="muted">企业认证的账号不能变更为个人认证。</p>
            <p>
              <Link href="/account/verification">返回实名认证</Link>
            </p>
          </>
        )}
      </section>
    </>
  );
}

function Shell({ current, c, children }: { current: WizardStep<'change'>; c: SubjectChangeView; children: ReactNode }) {
  return (
    <ChangeShell wizard="change" current={current} c={c}>
      {children}
    </ChangeShell>
  );
}

function ChangeStep({ c, now }: { c: SubjectChangeView; now: Date }) {
  // The enterprise types walk steps of their own (their rooms: subject/, rename/, legal-rep/).
  if (c.type === 'enterprise_to_enterprise') return <SubjectChangeSteps c={c} now={now} />;
  if (c.type === 'enterprise_rename') return <RenameSteps c={c} now={now} />;
  if (c.type === 'legal_rep_update') return <LegalRepSteps c={c} now={now} />;
  switch (c.state) {
    case 'face_check':
    case 'face_checking':
      return (
        <Shell current="face_check" c={c}>
          <FaceStep c={c} now={now} />
        </Shell>
      );
    case 'choosing':
      return (
        <Shell current="type" c={c}>
          <h2>选择变更类型</h2>
          <ul className="methods">
            {c.options.map((o) => (
              <li key={o.type} className="method">
                <h3>{label(o)}</h3>
                <p className="muted">{OPTION_NOTE[o.type]}</p>
                {o.available ? <ChooseTypeButton changeId={c.id} type={o.type} label={label(o)} /> : <p className="muted">{o.reason ? textOf(o.reason) : null}</p>}
              </li>
            ))}
          </ul>
        </Shell>
      );
    case 'new_data':
      return (
        <Shell current="new_subject" c={c}>
          <h2>填写新主体信息</h2>
          {c.linked?.failureText ? (
            <p className="warning" role="alert">
              新主体认证未通过：{c.linked.failureText}。请核对后重新填写。
            </p>
          ) : null}
          <p>
            新主体将按{c.type === 'person_to_enterprise' ? '企业实名认证' : '个人实名认证'}的流程填写信息并完成认证；认证通过后账号即归属新主体。
          </p>
          {c.acceptNeeded ? (
            <AcceptAgreementForm changeId={c.id} wizard={c.type === 'person_to_enterprise' ? 'enterprise' : 'personal'} />
          ) : c.wizardHref ? (
            <Link className="button" href={c.wizardHref}>
              填写新主体信息
            </Link>
          ) : null}
          <div className="actions">
            <BackButton changeId={c.id} />
          </div>
        </Shell>
      );
    case 'verifying':
      return (
        <Shell current="new_subject" c={c}>
          <h2>新主体认证中</h2>
          <p>请在认证页面完成新主体的认证；认证通过后变更即时生效。</p>
          {c.wizardHref ? (
            <Link className="button" href={c.wizardHref}>
              继续认证
            </Link>
          ) : null}
        </Shell>
      );
    case 'completed':
      return (
        <Shell current="done" c={c}>
          <ChangeCompleted c={c}>认证主体变更完成，账号已归属于 {c.newSubjectName}</ChangeCompleted>
        </Shell>
      );
    default:
      return (
        <Shell current="face_check" c={c}>
          <ChangeEnded c={c} />
        </Shell>
      );
  }
}

/** R-CHG-P1: the current subject proves it is them (face; WeChat for a permit holder). */
function FaceStep({ c, now }: { c: SubjectChangeView; now: Date }) {
  const title = c.faceChannel === 'face' ? '人脸识别' : '微信扫码认证';
  const session = c.session;
  const open = c.state === 'face_checking' && session?.state === 'open' ? session : null;
  const failed = c.state === 'face_check' && session && (session.state === 'failed' || session.state === 'completed');
  return (
    <>
      <h2>当前认证人身份核验</h2>
      <CurrentSubject s={c.subject} />
      <p className="muted">
        {c.faceChannel === 'face' ? '请由当前认证人本人使用手机完成人脸识别，确认由本人发起变更。' : '请由当前认证人本人使用微信扫码确认，确认由本人发起变更。'}
      </p>
      <ChangeScan
        c={c}
        now={now}
        title={title}
        hint={c.faceChannel === 'face' ? '请使用手机扫描二维码，由当前认证人本人完成人脸识别' : '请当前认证人使用本人微信扫描二维码并授权'}
        open={open}
        expired={session?.state === 'expired'}
        renew={(label) => <FaceCheckForm changeId={c.id} consentNeeded={c.faceConsentNeeded} label={label} />}
      />
      {failed ? (
        <p className="warning" role="alert">
          身份核验未通过，请由当前认证人本人重新核验。
        </p>
      ) : null}
      {session?.state !== 'expired' ? (
        <FaceCheckForm changeId={c.id} consentNeeded={c.faceConsentNeeded} label={open ? '重新生成二维码' : c.faceChannel === 'face' ? '开始人脸识别' : '生成二维码'} />
      ) : null}
    </>
  );
}
