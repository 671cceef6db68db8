'use client';

import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import { SCHEDULE_TEXT_MAX } from '@/lib/schemas/review-fields';
import { saveCalendarYearAction } from './actions';

/** A year's official schedule (SPEC §1): 放假日期 and 调休上班日期, one day or range per line. */
export const CalendarYearForm = enhancedForm(function CalendarYearForm({ defaults }: { defaults: { year: string; holidays: string; workdays: string } }) {
  const { formProps, form, errorFor, initial, formError, pending } = useActionForm(() => import('@/lib/schemas/review').then((m) => m.calendarYearSchema), saveCalendarYearAction, { defaults });
  return (
    <form {...formProps} aria-labelledby="calendar-form-title">
      <h2 id="calendar-form-title">录入年度节假日安排</h2>
      <p className="muted">按国务院办公厅发布的当年节假日安排通知录入。保存后该年份以此处录入为准（替换日历数据包中该年的数据）。</p>
      <FormMessage error={formError} />
      <Field name="year" label="年份" error={errorFor('year')}>
        <input type="number" min={2000} max={2100} defaultValue={initial('year')} {...form.register('year')} {...fieldAttrs('year', errorFor('year'))} />
      </Field>
      <Field name="holidays" label="放假日期" error={errorFor('holidays')} hint="每行一个日期或日期范围，可在后面写节日名称，如：2027-01-01~2027-01-03 元旦">
        <textarea className="schedule" maxLength={SCHEDULE_TEXT_MAX} defaultValue={initial('holidays')} {...form.register('holidays')} {...fieldAttrs('holidays', errorFor('holidays'), true)} />
      </Field>
      <Field name="workdays" label="调休上班日期" error={errorFor('workdays')} hint="需要上班的周六、周日，每行一个，如：2027-02-20 春节；没有可留空">
        <textarea className="schedule" maxLength={SCHEDULE_TEXT_MAX} defaultValue={initial('workdays')} {...form.register('workdays')} {...fieldAttrs('workdays', errorFor('workdays'), true)} />
      </Field>
      <button className="button" type="submit" disabled={pending}>
        保存
      </button>
    </form>
  );
});
