import { z } from 'zod';

/** What a phone page posts (plain HTML form: the pressed button names the decision). */
export const phoneAnswerSchema = z.object({
  sessionId: z.string().min(1).max(100),
  decision: z.enum(['authorize', 'decline']),
  userId: z.string().max(100).optional(),
  oaAccountId: z.string().max(100).optional(),
  faceResult: z.enum(['passed', 'liveness_failed', 'face_mismatch']).optional(),
  agree: z.literal('yes').optional(),
  bindCard: z.literal('yes').optional(),
});

/** Why a phone page was sent back to itself: a code in the URL, never free text. */
export const PHONE_ERROR_MESSAGE = {
  agreement: '请先阅读并同意《微信支付用户授权协议》',
  user: '请选择模拟用户',
  oa: '请选择公众号',
  face: '请选择识别结果',
  expired: '二维码已过期，请返回电脑端重新获取',
  completed: '该授权已完成，请返回电脑端查看结果',
  invalid: '提交的内容无效，请重试',
} as const;
export type PhoneError = keyof typeof PHONE_ERROR_MESSAGE;
