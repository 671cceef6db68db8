import { describe, expect, it } from 'vitest';
import { NOT_YET_STORED, renameNameSchema, renameProofsFormSchema } from './enterprise-rename';

const UPLOAD = '5b0d3f3e-2c4b-4f7e-9a51-0d2c8a7e1f10';

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

const file = (name: string, size = 10) => new File([new Uint8Array(size)], name);

describe('变更后企业名称 (R-CHG-E2)', () => {
  it('writes the name the one canonical way (brackets full width, spaces trimmed)', () => {
    expect(renameNameSchema.parse({ newName: ' 云端计算科技(北京)有限公司 ' })).toEqual({ newName: '云端计算科技（北京）有限公司' });
  });
  it('asks for it by its own label, and refuses characters a registered name has not', () => {
    expect(issues(renameNameSchema.safeParse({ newName: '  ' }))).toEqual({ newName: '请填写变更后企业名称' });
    expect(issues(renameNameSchema.safeParse({ newName: '北京<script>有限公司' })).newName).toContain('不支持的字符');
  });
});

describe('the rename proofs form (PDF/JPG/PNG ≤ 5 MB)', () => {
  it('takes each proof chosen now or stored already', () => {
    const r = renameProofsFormSchema.parse({ applicationForm: file('form.pdf'), certificateUploadId: UPLOAD, newLicence: file('licence.png') });
    expect(r.ids).toEqual({ applicationForm: NOT_YET_STORED, certificate: UPLOAD, licence: NOT_YET_STORED });
    expect(Object.keys(r.files).sort()).toEqual(['applicationForm', 'licence']);
  });
  it('names each missing or refused proof beside its input', () => {
    const r = renameProofsFormSchema.safeParse({ applicationForm: file('form.docx'), newLicence: file('big.pdf', 5 * 1024 * 1024 + 1) });
    expect(issues(r)).toEqual({
      applicationForm: expect.stringContaining('文件名无效'),
      certificate: '请上传工商局或事业单位上级主管单位的变更证明',
      newLicence: '文件大小不能超过 5 MB',
    });
  });
});
