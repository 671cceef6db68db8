import type { ChangeSubjectView } from '@/lib/services/get-subject-change';

/** 更新企业法人信息: the form that starts the request (placeholder until its room is built). */
export function LegalRepStartForm(_props: { subject: ChangeSubjectView }) {
  return <p className="muted">更新企业法人信息即将开放。</p>;
}
