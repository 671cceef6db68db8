import { describe, expect, it } from 'vitest';
import { changeApplicationFormSvg, wrapText } from './change-application-form';

describe('变更申请表', () => {
  it('puts the request on the page, escaped', () => {
    const svg = changeApplicationFormSvg({
      typeLabel: '变更企业主体（A企业变成B企业）',
      requestNumber: 'abc',
      accountNumber: '1234567890',
      rows: [
        { label: '变更后企业名称', value: '上海<乙>信息技术有限公司' },
        { label: '变更后社会信用代码', value: '9****************1' },
      ],
      declaration: '声明',
      signatures: ['变更前企业（盖章）'],
      dateText: '2026年11月27日',
      createdAt: new Date(0),
    });
    expect(svg).toContain('上海&lt;乙&gt;信息技术有限公司');
    expect(svg).toContain('9****************1');
    expect(svg).toContain('申请日期：2026年11月27日');
    expect(svg).toContain('账号ID：1234567890');
  });

  it('wraps long values without splitting a number or starting a line with closing punctuation', () => {
    expect(wrapText('一二三四五', 3)).toEqual(['一二三', '四五']);
    expect(wrapText('一二9****************1', 4)).toEqual(['一二', '9****************1']);
    expect(wrapText('一二三。', 3)).toEqual(['一二三。']);
  });
});
