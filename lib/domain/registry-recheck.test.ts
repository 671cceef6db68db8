import { describe, expect, it } from 'vitest';
import {
  decideRecheck,
  findRegistryChange,
  proposalStillApplies,
  proposalValueKey,
  recheckDueBefore,
  type RecheckSubject,
  type RegistryRecord,
} from './registry-recheck';

const subject: RecheckSubject = { name: '北京星辰科技有限公司', legalRepName: '赵建国', legalRepUpdatable: true };
const record: RegistryRecord = { name: '北京星辰科技有限公司', legalRepName: '赵建国', status: 'active' };
const key = (name: string) => `h(${name})`;

describe('registry re-check: what the registry tells (SPEC §13)', () => {
  it('is due 30 days (product clock) after the last answer', () => {
    expect(recheckDueBefore(new Date('2026-11-27T04:00:00.000Z'))).toEqual(new Date('2026-10-28T04:00:00.000Z'));
  });

  it('finds nothing when the registry agrees, up to how a name is typed', () => {
    expect(findRegistryChange(subject, record)).toBeNull();
    expect(findRegistryChange({ ...subject, name: '北京星辰科技(北京)有限公司' }, { ...record, name: '北京星辰科技（北京）有限公司' })).toBeNull();
    expect(findRegistryChange(subject, { ...record, legalRepName: ' 赵建国 ' })).toBeNull();
  });

  it('finds a new name, a new legal rep, and 注销 — the most serious first', () => {
    expect(findRegistryChange(subject, { ...record, name: '北京星辰云科技有限公司' })).toEqual({ kind: 'rename', name: '北京星辰云科技有限公司' });
    expect(findRegistryChange(subject, { ...record, legalRepName: '钱志华' })).toEqual({ kind: 'legal_rep', legalRepName: '钱志华' });
    expect(findRegistryChange(subject, { name: '北京星辰云科技有限公司', legalRepName: '钱志华', status: 'active' })).toMatchObject({ kind: 'rename' });
    expect(findRegistryChange(subject, { ...record, name: '别的名字有限公司', status: 'deregistered' })).toEqual({ kind: 'deregistered' });
  });

  it('does not guess: a code the registry does not know proposes nothing', () => {
    expect(findRegistryChange(subject, null)).toBeNull();
  });

  it('proposes no legal-rep update without a legal rep on file, or where 更新企业法人信息 is not offered (R-CHG-E3)', () => {
    expect(findRegistryChange({ ...subject, legalRepName: null }, { ...record, legalRepName: '钱志华' })).toBeNull();
    expect(findRegistryChange({ ...subject, legalRepUpdatable: false }, { ...record, legalRepName: '钱志华' })).toBeNull();
  });

  it('remembers the legal rep only as a keyed hash, the new name canonically', () => {
    expect(proposalValueKey({ kind: 'legal_rep', legalRepName: '钱志华' }, key)).toBe('rep:h(钱志华)');
    expect(proposalValueKey({ kind: 'rename', name: 'ＡＢ科技(北京)有限公司' }, key)).toBe('name:AB科技（北京）有限公司');
    expect(proposalValueKey({ kind: 'deregistered' }, key)).toBe('deregistered');
  });
});

describe('registry re-check: what to do with the proposal on file', () => {
  const rename = { finding: { kind: 'rename', name: '新名称有限公司' } as const, valueKey: 'name:新名称有限公司' };

  it('proposes a first difference, and nothing when there is none', () => {
    expect(decideRecheck(rename, null)).toEqual({ action: 'propose', ...rename });
    expect(decideRecheck(null, null)).toEqual({ action: 'none' });
  });

  it('says nothing again for the same registry value, open or dismissed (忽略)', () => {
    expect(decideRecheck(rename, { kind: 'rename', state: 'open', valueKey: rename.valueKey })).toEqual({ action: 'keep' });
    expect(decideRecheck(rename, { kind: 'rename', state: 'dismissed', valueKey: rename.valueKey })).toEqual({ action: 'keep' });
  });

  it('proposes again when the registry moved on to another value or another kind of change', () => {
    expect(decideRecheck(rename, { kind: 'rename', state: 'dismissed', valueKey: 'name:更早的名称有限公司' })).toMatchObject({ action: 'propose' });
    expect(decideRecheck(rename, { kind: 'legal_rep', state: 'open', valueKey: 'rep:x' })).toMatchObject({ action: 'propose' });
    expect(decideRecheck(rename, { kind: 'rename', state: 'resolved', valueKey: rename.valueKey })).toMatchObject({ action: 'propose' });
  });

  it('closes the proposal on file once the registry agrees with the subject', () => {
    expect(decideRecheck(null, { kind: 'rename', state: 'open', valueKey: rename.valueKey })).toEqual({ action: 'resolve' });
    expect(decideRecheck(null, { kind: 'legal_rep', state: 'dismissed', valueKey: 'rep:x' })).toEqual({ action: 'resolve' });
    expect(decideRecheck(null, { kind: 'rename', state: 'resolved', valueKey: rename.valueKey })).toEqual({ action: 'none' });
  });

  it('a completed change makes an open proposal moot at once', () => {
    const proposal = { kind: 'rename' as const, proposedName: '新名称有限公司', valueKey: 'name:新名称有限公司' };
    expect(proposalStillApplies(proposal, { name: '旧名称有限公司', legalRepName: null }, key)).toBe(true);
    expect(proposalStillApplies(proposal, { name: '新名称有限公司', legalRepName: null }, key)).toBe(false);
    const rep = { kind: 'legal_rep' as const, proposedName: null, valueKey: 'rep:h(钱志华)' };
    expect(proposalStillApplies(rep, { name: '旧名称有限公司', legalRepName: '赵建国' }, key)).toBe(true);
    expect(proposalStillApplies(rep, { name: '旧名称有限公司', legalRepName: '钱志华' }, key)).toBe(false);
  });
});

// What the owner is told of a finding: lib/features/notifications/notification-text.test.ts.
