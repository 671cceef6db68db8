import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SESSION_CHANNELS, type SessionChannel } from '@/lib/domain/channel-session';
import { text } from '@/lib/messages';

type Props = { params: Promise<{ channel: string }>; searchParams: Promise<{ checking?: string }> };

function channelOf(value: string): SessionChannel | null {
  return (SESSION_CHANNELS as readonly string[]).includes(value) ? (value as SessionChannel) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const channel = channelOf((await params).channel);
  return { title: channel ? text('channels.returned.title', { channel: text(`channels.name.${channel}`) }) : undefined };
}

/**
 * Where the return route (../return/route.ts) sends a browser that is not the session
 * owner's signed-in one — usually the phone: the check is done, the result is on the
 * computer. Says nothing about whose check or how it ended.
 */
export default async function ChannelReturnedPage({ params, searchParams }: Props) {
  const channel = channelOf((await params).channel);
  if (!channel) notFound();
  const { checking } = await searchParams;
  return (
    <section className="panel">
      <h1>{text(`channels.name.${channel}`)}</h1>
      <p role="status">{text(checking === '1' ? 'channels.returned.checking' : 'channels.returned.done')}</p>
    </section>
  );
}
