import { describe, expect, it } from 'vitest';
import { makeOrganisationCode } from '../identity/organisation-code';
import { makeResidentId } from '../identity/resident-id';
import { makeUscc } from '../identity/uscc';
import { checkApprovedEnterprise, checkNewEnterprise, checkNewLegalRep, checkNewName, checkNewPerson } from './new-subject';

const ID_A = makeResidentId('110101', '19900101', '123');
const ID_B = makeResidentId('310101', '19850505', '456');
const A = { name: '北京甲科技有限公司', code: makeUscc('91110108', 'MA01XY2K') };
const B = { name: '上海乙科技有限公司', code: makeUscc('91310000', 'MA1FL8TQ') };

describe('变更个人主体: a different person', () => {
  it('refuses the current person again and accepts another', () => {
    expect(checkNewPerson({ documentType: 'resident_id', documentNumber: ID_A }, { documentType: 'resident_id', documentNumber: ID_A })).toMatchObject({
      ok: false,
      refusal: 'same_person',
    });
    expect(checkNewPerson({ documentType: 'resident_id', documentNumber: ID_A }, { documentType: 'resident_id', documentNumber: ID_B })).toEqual({ ok: true });
  });
});

describe('变更企业主体: a different enterprise, then the approved one', () => {
  it('refuses the same enterprise, also when entered by its embedded organisation code, and points to the rename', () => {
    const same = checkNewEnterprise(A, { name: '北京甲新名有限公司', code: makeOrganisationCode('MA01XY2K') });
    expect(same).toMatchObject({ ok: false, refusal: 'same_enterprise' });
    expect(checkNewEnterprise(A, B)).toEqual({ ok: true });
  });

  it('accepts only the enterprise the reviewer approved for the new subject data', () => {
    expect(checkApprovedEnterprise(B, { ...B })).toEqual({ ok: true });
    expect(checkApprovedEnterprise(B, { ...B, name: '上海丙科技有限公司' })).toMatchObject({ ok: false, refusal: 'not_requested_enterprise' });
    expect(checkApprovedEnterprise(B, { ...B, code: A.code })).toMatchObject({ ok: false, refusal: 'not_requested_enterprise' });
  });
});

describe('变更企业名称 and 更新企业法人信息', () => {
  it('refuses the current name written differently', () => {
    expect(checkNewName('甲（北京）科技有限公司', '甲(北京)科技有限公司')).toMatchObject({ ok: false, refusal: 'same_name' });
    expect(checkNewName('甲（北京）科技有限公司', '乙（北京）科技有限公司')).toEqual({ ok: true });
  });

  it('adds a legal rep when none is on file, refuses the same one, accepts another', () => {
    expect(checkNewLegalRep(null, ID_A)).toEqual({ ok: true });
    expect(checkNewLegalRep(ID_A, ID_A)).toMatchObject({ ok: false, refusal: 'same_legal_rep' });
    expect(checkNewLegalRep(ID_A, ID_B)).toEqual({ ok: true });
  });
});
