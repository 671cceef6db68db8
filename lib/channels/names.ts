/** Every channel of docs/channel-protocol.md. */
export const CHANNELS = ['wechat', 'qq', 'face', 'oa', 'registry', 'bank', 'notify'] as const;
export type Channel = (typeof CHANNELS)[number];
