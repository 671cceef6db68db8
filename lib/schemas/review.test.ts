import { describe, expect, it } from 'vitest';
import { auditSearchSchema, calendarYearSchema, rejectSchema, resubmitSchema } from './review';

const caseId = '3f0c8a4e-5d2b-4c1a-9e7f-1234567890ab';

describe('the back-office form schemas', () => {
  it('reads 驳回 reasons as posted (none, one, several) and as react-hook-form holds them', () => {
    const parse = (reasons: unknown) => rejectSchema.safeParse({ caseId, round: '1', reasons });
    expect(parse(undefined).error?.issues[0]).toMatchObject({ path: ['reasons'], message: '驳回时请至少选择一项驳回原因' });
    expect(parse(false).success).toBe(false);
    expect(parse([]).success).toBe(false);
    expect(parse('business_licence:licence_unclear').data?.reasons).toEqual([{ itemKey: 'business_licence', code: 'licence_unclear' }]);
    expect(parse(['business_licence:licence_unclear', 'enterprise_name:info_mismatch']).data?.reasons).toHaveLength(2);
    expect(parse(['business_licence:nope']).error?.issues[0]?.message).toBe('所选驳回原因无效，请刷新页面后重新选择');
  });

  it('needs at least one replaced item to re-submit; an empty file input means unchanged', () => {
    const schema = resubmitSchema([
      { field: 'item_business_licence', kind: 'file', allowPdf: false },
      { field: 'item_enterprise_name', kind: 'text', allowPdf: false },
    ]);
    const empty = new File([], '');
    expect(schema.safeParse({ caseId, round: '1', item_business_licence: empty, item_enterprise_name: '' }).error?.issues[0]).toMatchObject({
      path: ['_form'],
      message: '请至少修改一项被驳回的材料后再提交',
    });
    expect(schema.safeParse({ caseId, round: '1', item_business_licence: empty, item_enterprise_name: '新名称' }).success).toBe(true);
    const png = new File([new Uint8Array([1, 2, 3])], 'licence.png', { type: 'image/png' });
    expect(schema.safeParse({ caseId, round: '1', item_business_licence: png }).success).toBe(true);
    const php = new File([new Uint8Array([1])], 'licence.png.php');
    expect(schema.safeParse({ caseId, round: '1', item_business_licence: php }).error?.issues[0]?.path).toEqual(['item_business_licence']);
  });

  it('checks a year schedule with the parser the use case runs', () => {
    expect(calendarYearSchema.safeParse({ year: '2027', holidays: '2027-01-01', workdays: '2027-01-06' }).error?.issues[0]).toMatchObject({
      path: ['workdays'],
      message: '调休上班日应为周六或周日：2027-01-06 是周三',
    });
    expect(calendarYearSchema.safeParse({ year: '2027', holidays: '2027-01-01~2027-01-03 元旦' }).success).toBe(true);
  });

  it('takes audit filters without personal data: 10-digit 账号ID, known kinds, real days in order', () => {
    expect(auditSearchSchema.safeParse({ account: '', actor: '', kind: '', from: '', to: '' }).success).toBe(true);
    expect(auditSearchSchema.safeParse({ account: '123' }).error?.issues[0]?.message).toBe('账号ID为10位数字');
    expect(auditSearchSchema.safeParse({ kind: 'everything' }).success).toBe(false);
    expect(auditSearchSchema.safeParse({ from: '2026-02-30' }).success).toBe(false);
    expect(auditSearchSchema.safeParse({ from: '2026-03-02', to: '2026-03-01' }).error?.issues[0]?.path).toEqual(['to']);
  });
});
