import { z } from 'zod';
import { LEGAL_REP_UPDATE_CHANNELS, type LegalRepUpdateChannel } from '@/lib/domain/change/change-types';
import { consentValue } from '@/lib/domain/consent';
import type { CalendarDate } from '@/lib/domain/identity/calendar-date';
import { validateMainlandIdField } from '@/lib/domain/identity/mainland-id';
import { validatePersonName } from '@/lib/domain/person-name';
import { NEW_LEGAL_REP_ID_LABEL, NEW_LEGAL_REP_ID_NOT_MAINLAND, NEW_LEGAL_REP_NAME_LABEL } from './legal-rep-update-fields';
import { formatEntry } from '@/lib/messages/format';
import { consentMessages } from '@/lib/messages/zh-CN/consent';
import { identityText } from '@/lib/messages/zh-CN/identity';

// Its constants live in a zod-free module that browser code imports (issue 19).
export * from './legal-rep-update-fields';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface LegalRepUpdateInput {
  legalRepName: string;
  /** Absent on an edit that keeps the number on file (it is never sent back to the page). */
  legalRepIdNumber?: string;
  channel: LegalRepUpdateChannel;
  /** The version of 《人脸信息处理授权书》 ticked (SECURITY 17), for the face channel. */
  consent?: string;
}

export type LegalRepEditInput = LegalRepUpdateInput & { changeId: string };

/**
 * 更新企业法人信息 (R-CHG-E3): 变更后企业法人姓名 + 变更后企业法人身份证号 (a mainland resident
 * ID only, checked as the enterprise wizard checks its legal rep) and the channel that proves
 * the new legal rep: 企业法人微信扫码认证 or 企业法人人脸识别认证.
 *
 * - `start`: the form that creates the request; the number is required, and the face channel
 *   needs 《人脸信息处理授权书》 ticked.
 * - `edit`: the same data corrected on a running request (`changeId`); an empty number keeps the
 *   one on file, and the face consent is asked only when the request has none yet (the service
 *   re-checks it in its transaction).
 */
export function legalRepUpdateSchema(today: CalendarDate, mode: 'start' | 'edit', options: { consentNeeded?: boolean } = {}) {
  const consentRequired = mode === 'start' || options.consentNeeded === true;
  return z
    .object({
      changeId: z.string().optional(),
      legalRepName: z.string({ error: `请填写${NEW_LEGAL_REP_NAME_LABEL}` }),
      legalRepIdNumber: z.string().optional(),
      channel: z.enum(LEGAL_REP_UPDATE_CHANNELS, { error: '请选择新法人的认证方式' }),
      // An unticked box registered by react-hook-form is `false`: anything but the posted version is no consent.
      consent: z.string().optional().catch(undefined),
    })
    .transform((input, ctx): LegalRepUpdateInput & { changeId?: string } => {
      let refused = false;
      let changeId: string | undefined;
      if (mode === 'edit') {
        if (!input.changeId || !UUID.test(input.changeId.trim())) {
          ctx.addIssue({ code: 'custom', path: ['changeId'], message: '变更申请无效，请刷新页面后重试' });
          return z.NEVER;
        }
        changeId = input.changeId.trim().toLowerCase();
      }
      const name = validatePersonName(input.legalRepName, NEW_LEGAL_REP_NAME_LABEL);
      if (!name.ok) {
        refused = true;
        ctx.addIssue({ code: 'custom', path: ['legalRepName'], message: identityText(name.message) });
      }
      const typed = input.legalRepIdNumber ?? '';
      const keep = mode === 'edit' && typed.trim() === '';
      const id = keep ? null : validateMainlandIdField(typed, today, { label: NEW_LEGAL_REP_ID_LABEL, notMainland: NEW_LEGAL_REP_ID_NOT_MAINLAND });
      if (id && !id.ok) {
        refused = true;
        ctx.addIssue({ code: 'custom', path: ['legalRepIdNumber'], message: identityText(id.message) });
      }
      if (input.channel === 'face' && consentRequired && input.consent !== consentValue('face')) {
        refused = true;
        ctx.addIssue({ code: 'custom', path: ['consent'], message: formatEntry(consentMessages['consent.required'], { purpose: 'face' }) });
      }
      if (refused || !name.ok) return z.NEVER;
      return {
        ...(changeId ? { changeId } : {}),
        legalRepName: name.value,
        ...(id?.ok ? { legalRepIdNumber: id.value } : {}),
        channel: input.channel,
        ...(input.channel === 'face' && input.consent ? { consent: input.consent } : {}),
      };
    });
}
