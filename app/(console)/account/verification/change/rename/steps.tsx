import type { SubjectChangeView } from '@/lib/services/get-subject-change';
import { ChangeShell } from '../change-shell';

const STEPS = ['变更企业名称', '变更完成'] as const;

/** 变更企业名称: the request's steps (placeholder until its room is built). */
export function RenameSteps({ c }: { c: SubjectChangeView; now: Date }) {
  return (
    <ChangeShell steps={STEPS} current={1} c={c}>
      <p>{c.stateLabel}</p>
    </ChangeShell>
  );
}
