import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_KINDS, AUDIT_ACTIONS, AUDIT_TARGET_KINDS, auditTarget, REVIEW_HISTORY_LABEL } from './audit';

describe('audit action names', () => {
  it('are listed once each, in the `thing.what_happened` shape the search prefixes rely on', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    for (const action of AUDIT_ACTIONS) expect(action).toMatch(/^[a-z_]+(\.[a-z_]+)?$/);
  });

  it('leave no search kind of the back office without an action to find', () => {
    for (const { prefix } of Object.values(AUDIT_ACTION_KINDS)) {
      expect(AUDIT_ACTIONS.some((a) => a.startsWith(prefix)), prefix).toBe(true);
    }
  });

  it('label in a case history only actions that are written', () => {
    for (const action of Object.keys(REVIEW_HISTORY_LABEL)) expect(AUDIT_ACTIONS).toContain(action);
  });
});

describe('auditTarget', () => {
  it('writes `kind:id`, byte for byte the target strings already in the hash chain (ADR 0004)', () => {
    const id = '0b0c8f43-6a1e-4c55-9a43-2f1f5d3c9e10';
    expect(auditTarget('review_case', id)).toBe(`review_case:${id}`);
    expect(auditTarget('subject_change', id)).toBe(`subject_change:${id}`);
    expect(auditTarget('calendar', 2025)).toBe('calendar:2025');
    expect(auditTarget('enterprise', 'k1:abc')).toBe('enterprise:k1:abc');
  });

  it('knows each kind once', () => {
    expect(new Set(AUDIT_TARGET_KINDS).size).toBe(AUDIT_TARGET_KINDS.length);
  });
});
