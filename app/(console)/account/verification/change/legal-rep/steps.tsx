import type { SubjectChangeView } from '@/lib/services/get-subject-change';
import { ChangeShell } from '../change-shell';

const STEPS = ['更新企业法人信息', '变更完成'] as const;

/** 更新企业法人信息: the request's steps (placeholder until its room is built). */
export function LegalRepSteps({ c }: { c: SubjectChangeView; now: Date }) {
  return (
    <ChangeShell steps={STEPS} current={1} c={c}>
      <p>{c.stateLabel}</p>
    </ChangeShell>
  );
}
