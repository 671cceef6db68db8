/**
 * A provider's refusal, answered as `{error: {code, message, field?}}` (docs/channel-protocol.md).
 * The codes are the providers' own (lower-case, like real provider APIs), not the
 * product's error table: the simulated world is a separate party.
 */
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** The message without the field's name, for display next to the field in a form. */
    readonly fieldMessage?: string,
  ) {
    super(message);
    this.name = 'SimError';
  }
}

export const invalidField = (field: string, message: string) => new SimError(400, 'invalid_input', `${field}：${message}`, field, message);

export const notFound = (message = '记录不存在') => new SimError(404, 'not_found', message);

export const conflict = (code: string, message: string, field?: string) => new SimError(409, code, message, field);

export function isSimError(error: unknown): error is SimError {
  return error instanceof SimError;
}
