import { describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '@/lib/domain/consent';
import { makeResidentId } from '@/lib/domain/identity/resident-id';
import { legalRepUpdateSchema, NEW_LEGAL_REP_ID_NOT_MAINLAND } from './legal-rep-update';

const today = { year: 2026, month: 11, day: 27 };
const id = makeResidentId('110108', '19800101', '123');
const changeId = '3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c';

function errors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('legalRepUpdateSchema (R-CHG-E3)', () => {
  const start = legalRepUpdateSchema(today, 'start');

  it('accepts a PRC resident ID and the two channels, normalising the number', () => {
    expect(start.parse({ legalRepName: ' 钱志华 ', legalRepIdNumber: id.toLowerCase(), channel: 'wechat' })).toEqual({
      legalRepName: '钱志华',
      legalRepIdNumber: id,
      channel: 'wechat',
    });
    expect(start.parse({ legalRepName: '钱志华', legalRepIdNumber: id, channel: 'face', consent: CONSENT_VERSION.face })).toMatchObject({
      channel: 'face',
      consent: CONSENT_VERSION.face,
    });
  });

  it('refuses any other document beside the field (PRC resident ID only)', () => {
    const hk = errors(start.safeParse({ legalRepName: '陈大文', legalRepIdNumber: 'H12345678', channel: 'wechat' }));
    expect(hk.legalRepIdNumber).toBe(NEW_LEGAL_REP_ID_NOT_MAINLAND);
    const wrongCheck = errors(start.safeParse({ legalRepName: '陈大文', legalRepIdNumber: `${id.slice(0, 17)}${id.endsWith('0') ? '1' : '0'}`, channel: 'wechat' }));
    expect(wrongCheck.legalRepIdNumber).toContain('校验位');
  });

  it('asks for the name, the number, a channel, and the face consent for face', () => {
    const missing = errors(start.safeParse({ legalRepName: '', legalRepIdNumber: '', channel: 'face' }));
    expect(missing).toMatchObject({ legalRepName: '请填写变更后企业法人姓名', legalRepIdNumber: '请填写变更后企业法人身份证号', consent: expect.stringContaining('人脸信息处理授权书') });
    expect(errors(start.safeParse({ legalRepName: '钱志华', legalRepIdNumber: id, channel: 'qq' })).channel).toBe('请选择新法人的认证方式');
    expect(start.safeParse({ legalRepName: '钱志华', legalRepIdNumber: id, channel: 'face', consent: false }).success).toBe(false);
  });

  it('edit: needs the request, keeps the number on file when left empty, asks the consent only when still needed', () => {
    const edit = legalRepUpdateSchema(today, 'edit');
    expect(edit.parse({ changeId, legalRepName: '钱志华', legalRepIdNumber: '', channel: 'face' })).toEqual({ changeId, legalRepName: '钱志华', channel: 'face' });
    expect(errors(edit.safeParse({ legalRepName: '钱志华', channel: 'face' })).changeId).toBeTruthy();
    const needing = legalRepUpdateSchema(today, 'edit', { consentNeeded: true });
    expect(errors(needing.safeParse({ changeId, legalRepName: '钱志华', channel: 'face' })).consent).toBeTruthy();
  });
});
