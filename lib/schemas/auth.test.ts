import { describe, expect, it } from 'vitest';
import { changePasswordSchema, registerSchema, resetPasswordSchema } from './auth';

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('new passwords follow one rule everywhere (sign-up, 重置密码, 修改密码)', () => {
  it.each([
    ['short1', '密码至少 8 位'],
    ['onlyletters', '密码须同时包含字母和数字'],
    ['12345678', '密码须同时包含字母和数字'],
  ])('refuses %s', (password, message) => {
    expect(messages(registerSchema.safeParse({ email: 'a@example.com', password, confirmPassword: password })).password).toBe(message);
    expect(messages(resetPasswordSchema.safeParse({ token: 't', password, confirmPassword: password })).password).toBe(message);
    expect(messages(changePasswordSchema.safeParse({ currentPassword: 'old', newPassword: password, confirmNewPassword: password })).newPassword).toBe(message);
  });

  it('flags a mismatched confirmation beside the confirmation field', () => {
    expect(messages(resetPasswordSchema.safeParse({ token: 't', password: 'Passw0rd1', confirmPassword: 'Passw0rd2' })).confirmPassword).toBe('两次输入的密码不一致');
    expect(messages(changePasswordSchema.safeParse({ currentPassword: 'x', newPassword: 'Passw0rd1', confirmNewPassword: 'Passw0rd2' })).confirmNewPassword).toBe('两次输入的密码不一致');
  });

  it('asks for the current password but does not hold it to the new-password rules', () => {
    expect(messages(changePasswordSchema.safeParse({ currentPassword: '', newPassword: 'Passw0rd1', confirmNewPassword: 'Passw0rd1' })).currentPassword).toBe('请输入当前密码');
    expect(changePasswordSchema.safeParse({ currentPassword: 'old', newPassword: 'Passw0rd1', confirmNewPassword: 'Passw0rd1' }).success).toBe(true);
  });

  it('takes no reset link without a token', () => {
    expect(messages(resetPasswordSchema.safeParse({ token: '', password: 'Passw0rd1', confirmPassword: 'Passw0rd1' })).token).toBe('链接无效或已过期，请重新获取');
  });
});
