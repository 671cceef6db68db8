/** Every channel of docs/channel-protocol.md. */
export const CHANNELS = ['wechat', 'qq', 'face', 'oa', 'registry', 'bank', 'notify'] as const;
export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}
