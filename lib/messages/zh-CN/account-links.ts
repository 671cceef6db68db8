import type { MessageEntry } from '../format';

const SIGNATURE = '\n\n—— 云控制台';

/**
 * The e-mails of an account's single-use links (issue 16, ADR 0023; lib/domain/account-links.ts
 * picks the code): subjects and bodies, the links as parameters.
 */
export const accountLinksMessages = {
  'accountLinks.emailConfirmation.subject': '请验证您的邮箱',
  'accountLinks.emailConfirmation.body': `您好！请在 24 小时内打开以下链接，确认这是您的邮箱：\n{link}\n\n验证之后才能进行实名认证。链接只能使用一次；如果您没有注册云控制台账号，请忽略本邮件。${SIGNATURE}`,
  'accountLinks.signUpExistingAddress.subject': '有人尝试使用您的邮箱注册',
  'accountLinks.signUpExistingAddress.body': `您好！刚才有人使用您的邮箱注册云控制台账号。该邮箱已有账号，因此没有创建新账号。\n\n如果是您本人，请直接登录：{loginLink}\n忘记密码可以在这里重置：{resetLink}\n\n如果不是您本人，请忽略本邮件，您的账号不受影响。${SIGNATURE}`,
  'accountLinks.passwordReset.subject': '重置您的密码',
  'accountLinks.passwordReset.body': `您好！我们收到了重置您云控制台账号密码的请求。请在 30 分钟内打开以下链接设置新密码：\n{link}\n\n链接只能使用一次。设置新密码后，已登录的设备都需要重新登录。如果不是您本人的操作，请忽略本邮件，您的密码不会改变。${SIGNATURE}`,
  'accountLinks.passwordChanged.reset.subject': '您的密码已重置',
  'accountLinks.passwordChanged.reset.body': `您好！您的云控制台账号密码刚刚通过邮件链接重置，所有已登录的设备已退出登录。\n\n如果不是您本人的操作，请立即重置密码：{resetLink}${SIGNATURE}`,
  'accountLinks.passwordChanged.changed.subject': '您的密码已修改',
  'accountLinks.passwordChanged.changed.body': `您好！您的云控制台账号密码刚刚在账号信息中修改，其他已登录的设备已退出登录。\n\n如果不是您本人的操作，请立即重置密码：{resetLink}${SIGNATURE}`,
} as const satisfies Record<string, MessageEntry>;
