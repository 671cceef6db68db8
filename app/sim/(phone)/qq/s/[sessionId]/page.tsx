import type { Metadata } from 'next';
import { PhoneSession } from '../../../../_components/phone-session';

export const metadata: Metadata = { title: '模拟手机 · QQ扫码', robots: { index: false } };

export default async function Page(props: { params: Promise<{ sessionId: string }>; searchParams: Promise<{ error?: string }> }) {
  const [{ sessionId }, { error }] = await Promise.all([props.params, props.searchParams]);
  return <PhoneSession channel="qq" sessionId={sessionId} error={error} />;
}
