import { formatEntry, type MessageParams } from './format';
import { zhCN, type MessageCode } from './zh-CN';

export type { MessageCode } from './zh-CN';
export type { MessageParams } from './format';

/** A sentence not yet worded: what lib/domain and lib/features hand to the edge. */
export interface MessageRef {
  code: MessageCode;
  params?: MessageParams;
}

/** The zh-CN text of a code (pages, actions, notifications when sent, errors). */
export function text(code: MessageCode, params?: MessageParams): string {
  return formatEntry(zhCN[code], params);
}

export function textOf(ref: MessageRef): string {
  return text(ref.code, ref.params);
}
