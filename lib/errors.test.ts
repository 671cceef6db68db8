import { describe, expect, it } from 'vitest';
import { AppError, describeError, errorResponse, errorTable, invalidInputResponse, isAppError, type ErrorCode } from './errors';

const codes = Object.keys(errorTable) as ErrorCode[];
const CHINESE = /[\u4e00-\u9fff]/;

describe('the error table', () => {
  it.each(codes)('gives %s an HTTP error status and a Chinese message', (code) => {
    const entry = describeError(code);
    expect(entry.status).toBeGreaterThanOrEqual(400);
    expect(entry.status).toBeLessThan(600);
    expect(entry.message).toMatch(CHINESE);
    expect(entry.message).not.toContain(code);
  });

  it('refuses a verification of an unconfirmed address with 请验证邮箱 (issue 16)', () => {
    expect(describeError('EMAIL_NOT_CONFIRMED')).toMatchObject({ status: 403, message: '请验证邮箱' });
  });

  it('shows a wrong 当前密码 beside its field', () => {
    expect(describeError('WRONG_CURRENT_PASSWORD')).toMatchObject({ message: '当前密码错误', field: 'currentPassword' });
  });

  it('ties EMAIL_TAKEN to the email field', () => {
    expect(describeError('EMAIL_TAKEN')).toEqual({ code: 'EMAIL_TAKEN', status: 409, message: '该邮箱已注册，请直接登录', field: 'email' });
  });
});

describe('describeError', () => {
  it('answers the table entry when no detail is given', () => {
    expect(describeError('INVALID_CREDENTIALS')).toEqual({ code: 'INVALID_CREDENTIALS', status: 401, message: '邮箱或密码错误', field: undefined });
  });

  it('lets the detail refine the message and the field, keeping the status', () => {
    const error = new AppError('SIGN_IN_LOCKED_ACCOUNT', { reason: { code: 'account.signIn.lockedAccount', params: { minutes: 7 } } });

    expect(describeError(error.code, error.detail)).toEqual({
      code: 'SIGN_IN_LOCKED_ACCOUNT',
      status: 429,
      message: '该账号登录失败次数过多，请 7 分钟后再试',
      field: undefined,
    });
    expect(describeError('INVALID_INPUT', { field: 'nickname' })).toMatchObject({ message: describeError('INVALID_INPUT').message, field: 'nickname' });
  });
});

describe('AppError', () => {
  it('carries its code and is recognised by isAppError', () => {
    const error = new AppError('NOT_FOUND');

    expect(error.code).toBe('NOT_FOUND');
    expect(error).toBeInstanceOf(Error);
    expect(isAppError(error)).toBe(true);
    expect(isAppError(new Error('NOT_FOUND'))).toBe(false);
    expect(isAppError({ code: 'NOT_FOUND' })).toBe(false);
  });
});

describe('errorResponse', () => {
  it('answers the table status with the code, Chinese message and field as JSON', async () => {
    const response = errorResponse('EMAIL_TAKEN');

    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: { code: 'EMAIL_TAKEN', message: '该邮箱已注册，请直接登录', field: 'email' } });
  });
});

describe('invalidInputResponse', () => {
  it("puts the schema's words beside the field, or the table's when there are none", async () => {
    const refused = invalidInputResponse('filingName', { message: '请输入备案主体名称' });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: { code: 'INVALID_INPUT', message: '请输入备案主体名称', field: 'filingName' } });
    expect(await invalidInputResponse('purpose', undefined).json()).toEqual({ error: { code: 'INVALID_INPUT', message: '请检查标红的输入项', field: 'purpose' } });
  });
});
