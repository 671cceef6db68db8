import { ActionButton } from '@/app/_components/action-button';
import type { CalendarDate } from '@/lib/domain/identity/calendar-date';
import type { CdnSetting } from '@/lib/features/account';
import { text } from '@/lib/messages';
import { setCdnServiceAction } from './actions';
import { EnterpriseContactForm } from './contact-form';
import { formatDateTimeLong } from '@/lib/format/date-time';

/**
 * 使用CDN服务 (R-OWN-5) on the enterprise's 实名认证 page: the setting turns on only with
 * the complete 企业联系人 on record; otherwise the page says what is missing and asks for it.
 */
export function CdnSection({ setting, today }: { setting: CdnSetting; today: CalendarDate }) {
  const complete = setting.missing.length === 0;
  return (
    <section className="panel" aria-labelledby="cdn-title">
      <h2 id="cdn-title">使用CDN服务</h2>
      <p className="muted">根据监管要求，企业使用CDN服务前须登记企业联系人的姓名、身份证号和手机号。</p>
      {complete ? (
        <>
          <dl className="info">
            <dt>企业联系人</dt>
            <dd>
              {setting.contact.name}（{setting.contact.idNumberMasked}，{setting.contact.mobileMasked}）
            </dd>
            <dt>使用CDN服务</dt>
            <dd>{setting.enabledAt ? `已开启（${formatDateTimeLong(setting.enabledAt)}）` : '未开启'}</dd>
          </dl>
          <ActionButton
            action={setCdnServiceAction}
            fields={{ enabled: setting.enabledAt ? 'off' : 'on' }}
            label={setting.enabledAt ? '关闭使用CDN服务' : '开启使用CDN服务'}
            pendingLabel="正在保存…"
            variant={setting.enabledAt ? 'secondary' : 'primary'}
          />
          <details>
            <summary>修改企业联系人</summary>
            <EnterpriseContactForm today={today} defaultName={setting.contact.name} submitLabel="保存企业联系人" />
          </details>
        </>
      ) : (
        <>
          <p className="warning" role="note">
            企业联系人信息不完整（缺少{setting.missing.map((f) => text(`cdn.contactField.${f}`)).join('、')}），补充后才能开启使用CDN服务。
          </p>
          <EnterpriseContactForm today={today} defaultName={setting.contact.name} submitLabel="保存并继续" />
        </>
      )}
    </section>
  );
}
