import { describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '@/lib/domain/consent';
import { makeUscc } from '@/lib/domain/identity/uscc';
import { enterpriseSubjectChangeSchema, proofKeysFor, subjectChangeProofsFormSchema } from './enterprise-subject-change';

const today = { year: 2026, month: 11, day: 27 };
const code = makeUscc('91310115', 'MA1K4L2X');
const valid = {
  consent: CONSENT_VERSION.subject_change,
  legalRepName: '赵建国',
  legalRepIdNumber: '110108197504120318',
  enterpriseName: '上海乙信息技术有限公司',
  code: ` ${code.toLowerCase()} `,
  province: '31',
  city: '3101',
  district: '310115',
  addressDetail: '张江路 88 号',
};

function errors(input: Record<string, unknown>) {
  const r = enterpriseSubjectChangeSchema(today).safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('enterpriseSubjectChangeSchema (R-CHG-E1 开始修改)', () => {
  it('normalises the new code as §5.1 does (trimmed, upper case)', () => {
    expect(enterpriseSubjectChangeSchema(today).parse(valid)).toMatchObject({ code, enterpriseName: '上海乙信息技术有限公司', legalRepIdNumber: '110108197504120318' });
  });

  it('checks the new code with the enterprise code validator, beside 社会信用代码', () => {
    expect(errors({ ...valid, code: code.slice(0, 17) + (code.endsWith('0') ? '1' : '0') })).toHaveProperty('code');
    expect(errors({ ...valid, code: '' })).toHaveProperty('code');
  });

  it('asks for the agreement, a mainland ID for the old legal rep (face check) and a consistent address — all at once', () => {
    const e = errors({ ...valid, consent: undefined, legalRepIdNumber: 'H12345678', city: '4403', addressDetail: '' });
    expect(e.consent).toBe('请阅读并同意《实名认证主体变更协议》');
    expect(e.legalRepIdNumber).toContain('中国大陆居民身份证');
    expect(e.city).toBe('请选择该省份下的城市');
    expect(e.addressDetail).toBe('请填写详细地址');
  });
});

describe('subjectChangeProofsFormSchema', () => {
  const file = (name: string, size = 10) => new File([new Uint8Array(size)], name);
  const id = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

  it('asks for the held-ID photos or the passport by the choice', () => {
    expect(proofKeysFor('id_card')).toEqual(['applicationForm', 'oldLicence', 'portrait', 'emblem']);
    expect(proofKeysFor('passport_or_driving_licence')).toEqual(['applicationForm', 'oldLicence', 'passport']);
  });

  it('takes files chosen now or uploads stored already; PDF for the documents, not for the photos', () => {
    const r = subjectChangeProofsFormSchema.safeParse({
      legalRepDocument: 'id_card',
      applicationFormFile: file('form.pdf'),
      oldLicenceUploadId: id,
      portraitPhoto: file('a.pdf'),
      emblemPhoto: file('b.png'),
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['portraitPhoto']);

    const ok = subjectChangeProofsFormSchema.parse({ legalRepDocument: 'passport_or_driving_licence', applicationFormFile: file('form.pdf'), oldLicenceUploadId: id, passportFile: file('p.jpg') });
    expect(Object.keys(ok.files)).toEqual(['applicationForm', 'passport']);
    expect(ok.uploadIds).toEqual({ oldLicence: id });
  });

  it('names each missing proof beside its field, and refuses a file over 5 MB', () => {
    const r = subjectChangeProofsFormSchema.safeParse({ legalRepDocument: 'id_card', applicationFormFile: file('big.pdf', 5 * 1024 * 1024 + 1) });
    const messages = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages.applicationFormFile).toContain('5 MB');
    expect(messages.oldLicenceFile).toBe('请上传原营业执照或注销证明');
    expect(messages.emblemPhoto).toBe('请上传法人手持身份证国徽面彩色照');
    expect(subjectChangeProofsFormSchema.safeParse({}).error!.issues[0]!.path).toEqual(['legalRepDocument']);
  });
});
