import { chinaCalendarDate } from '@/lib/domain/identity/calendar-date';
import { getServiceContext } from '@/lib/features/runtime';
import type { ChangeSubjectView } from '@/lib/features/change';
import { LegalRepForm } from './legal-rep-form';

/**
 * 更新企业法人信息 (R-CHG-E3): shown only when the type is offered (a 工商类 subject with a USCC;
 * the page hides it with LEGAL_REP_HIDDEN_HINT otherwise). The new legal rep's data and channel;
 * the registry is asked before anything is created, and the session opens at once.
 */
export async function LegalRepStartForm(_props: { subject: ChangeSubjectView }) {
  const ctx = await getServiceContext();
  const today = chinaCalendarDate(await ctx.clock.now());
  return (
    <>
      <p className="muted">
        填写工商登记的新法定代表人信息，并由新法人本人通过微信扫码或人脸识别完成认证；认证通过后企业法人信息即时更新，账号仍归属当前企业。
      </p>
      <LegalRepForm mode="start" today={today} faceConsentNeeded submitLabel="下一步" />
    </>
  );
}
