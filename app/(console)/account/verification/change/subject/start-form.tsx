import type { ChangeSubjectView } from '@/lib/services/get-subject-change';

/** 变更企业主体: the form that starts the request (placeholder until its room is built). */
export function SubjectChangeStartForm(_props: { subject: ChangeSubjectView }) {
  return <p className="muted">变更企业主体即将开放。</p>;
}
