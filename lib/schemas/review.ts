import { z } from 'zod';
import { AUDIT_ACTION_KINDS, type AuditActionKind } from '@/lib/domain/audit';
import { isDayKey } from '@/lib/domain/business-days';
import { parseYearSchedule } from '@/lib/domain/business-days-schedule';
import { formatEntry } from '@/lib/messages/format';
import { calendarMessages } from '@/lib/messages/zh-CN/calendar';
import { DEFAULT_INSIGHT_PERIOD, INSIGHT_CHARTS, isInsightPeriod, type InsightPeriod } from '@/lib/domain/insights';
import { REVIEW_CASE_STATES } from '@/lib/domain/review/case-machine';
import { REVIEW_CASE_KINDS } from '@/lib/domain/review/kinds';
import { decodePick, type RejectionPick } from '@/lib/domain/review/reasons';
import { uploadDocumentSchema, uploadFileSchema } from './upload';
import { CALENDAR_YEAR_MAX, CALENDAR_YEAR_MIN, INTERNAL_NOTE_MAX, QUOTA_REASON_MAX, REPLACEMENT_TEXT_MAX, SCHEDULE_TEXT_MAX } from './review-fields';

// Its constants live in a zod-free module that browser code imports (issue 19).
export * from './review-fields';

/**
 * The back office's forms (SPEC §7) and the user's re-submission (SPEC §13), shared by
 * the server actions and react-hook-form in the browser. Limits are exported for tests.
 */

const caseId = z.uuid('无效的审核单');
const round = z.coerce.number().int().min(1);

export const approveSchema = z.object({ caseId, round });

/** 驳回: at least one structured reason (`item:code` checkboxes named `reasons`), an optional internal note. */
export const rejectSchema = z.object({
  caseId,
  round,
  // A form posts one value per ticked box (none, one or several); react-hook-form gives false, a string or an array.
  reasons: z
    .preprocess((v) => (v === undefined || v === null || v === false ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()))
    .transform((values, ctx): RejectionPick[] => {
      const picks = values.map(decodePick);
      if (picks.some((p) => p === null)) {
        ctx.addIssue({ code: 'custom', message: '所选驳回原因无效，请刷新页面后重新选择' });
        return z.NEVER;
      }
      if (picks.length === 0) {
        ctx.addIssue({ code: 'custom', message: '驳回时请至少选择一项驳回原因' });
        return z.NEVER;
      }
      return picks as RejectionPick[];
    }),
  note: z.string().trim().max(INTERNAL_NOTE_MAX, `内部备注最多 ${INTERNAL_NOTE_MAX} 个字`).optional(),
});

export const revealSchema = z.object({ caseId, itemKey: z.string().min(1).max(64) });

/** What the re-submission form shows, per rejected item. */
export interface ReplacementFieldSpec {
  field: string;
  kind: 'text' | 'masked' | 'file';
  allowPdf: boolean;
}

/** An empty file input posts an empty File (or nothing): that item stays as it was. */
const isEmptyFile = (v: unknown) => v === undefined || v === '' || (typeof v === 'object' && v !== null && (v as File).size === 0);

/** react-hook-form holds a file input's FileList; the form posts its first File. */
const firstFile = (v: unknown) => {
  const list = v as { length?: unknown; item?: unknown } | null;
  if (list && typeof list === 'object' && typeof list.length === 'number' && typeof list.item === 'function') return (v as FileList)[0];
  return v;
};

/**
 * The re-submission of one rejected case, built from its rejected items: each file field
 * optional but, when given, a valid JPG/PNG (or PDF) of at most 5 MB; each text field at
 * most 100 characters (its format is checked by the use case, which knows the item);
 * at least one item replaced.
 */
export function resubmitSchema(fields: readonly ReplacementFieldSpec[]) {
  const shape: Record<string, z.ZodType> = { caseId, round };
  for (const f of fields) {
    shape[f.field] =
      f.kind === 'file'
        ? z.preprocess(firstFile, z.union([z.custom<unknown>(isEmptyFile).transform(() => undefined), f.allowPdf ? uploadDocumentSchema : uploadFileSchema]).optional())
        : z.string().trim().max(REPLACEMENT_TEXT_MAX, `最多 ${REPLACEMENT_TEXT_MAX} 个字`).optional();
  }
  return z.object(shape).superRefine((value, ctx) => {
    const changed = fields.some((f) => {
      const v = (value as Record<string, unknown>)[f.field];
      return f.kind === 'file' ? !isEmptyFile(v) : typeof v === 'string' && v.trim() !== '';
    });
    if (!changed) ctx.addIssue({ code: 'custom', path: ['_form'], message: '请至少修改一项被驳回的材料后再提交' });
  });
}

/** The server side of the same form: the item fields are known only to the use case, which ignores any other. */
export const resubmitEnvelopeSchema = z.looseObject({ caseId, round });

export const quotaChangeSchema = z.object({
  identityKey: z.string().min(1).max(200),
  maxAccounts: z.coerce.number({ error: '请填写账号数量上限' }).int('请填写整数').min(1, '账号数量上限至少为 1').max(1000, '账号数量上限最多为 1000'),
  reason: z.string().trim().min(2, '请填写调整原因').max(QUOTA_REASON_MAX, `调整原因最多 ${QUOTA_REASON_MAX} 个字`),
});

export const quotaByCodeSchema = quotaChangeSchema.omit({ identityKey: true }).extend({
  code: z.string().trim().min(1, '请填写社会信用代码/其他组织机构代码').max(30),
  name: z.string().trim().max(100).optional(),
});

const year = z.coerce.number({ error: '请填写年份' }).int('请填写年份').min(CALENDAR_YEAR_MIN, '年份无效').max(CALENDAR_YEAR_MAX, '年份无效');

/** A year's official schedule (SPEC §1): the same parser the use case runs, so the browser shows the same messages. */
export const calendarYearSchema = z
  .object({
    year,
    holidays: z.string().max(SCHEDULE_TEXT_MAX, '内容过长'),
    workdays: z.string().max(SCHEDULE_TEXT_MAX, '内容过长').default(''),
  })
  .superRefine((v, ctx) => {
    const r = parseYearSchedule(v.year, v.holidays, v.workdays);
    // Its own catalogue section only: the browser loads this schema on a form's first check.
    if (!r.ok) ctx.addIssue({ code: 'custom', path: [r.field], message: formatEntry(calendarMessages[r.problem.code], 'params' in r.problem ? r.problem.params : undefined) });
  });

export const calendarRemoveSchema = z.object({ year });

// ---- GET filters (no personal data: 账号ID, kinds, days) ----

const optionalText = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const page = optionalText(z.coerce.number().int().min(1).max(100_000)).catch(undefined);

export const reviewQueueFilterSchema = z.object({
  kind: optionalText(z.enum(REVIEW_CASE_KINDS)).catch(undefined),
  state: optionalText(z.enum([...REVIEW_CASE_STATES, 'all'])).catch(undefined),
  page,
});

const accountNumber = optionalText(z.string().trim().regex(/^\d{10}$/, '账号ID为10位数字'));
const day = optionalText(z.string().refine(isDayKey, '请填写有效日期'));

export const auditSearchSchema = z
  .object({
    account: accountNumber,
    actor: accountNumber,
    kind: optionalText(z.enum(Object.keys(AUDIT_ACTION_KINDS) as [AuditActionKind, ...AuditActionKind[]])),
    target: optionalText(z.string().trim().max(200)),
    from: day,
    to: day,
    page,
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: '结束日期不能早于开始日期' });
export type AuditSearchQuery = z.output<typeof auditSearchSchema>;

export const quotaFilterSchema = z.object({ q: optionalText(z.string().trim().max(100)).catch(undefined), page });

/** 运营看板's GET form: an unknown or missing period falls back to 近30天 rather than failing the page. */
export const insightsQuerySchema = z.object({
  days: z.coerce
    .number()
    .refine((v): v is InsightPeriod => isInsightPeriod(v))
    .catch(DEFAULT_INSIGHT_PERIOD)
    .transform((v) => v as InsightPeriod),
});

/** 导出CSV: one chart of one period; the chart must be named exactly. */
export const insightsExportSchema = insightsQuerySchema.extend({ chart: z.enum(INSIGHT_CHARTS) });
