import { ENTERPRISE_METHOD_LABEL } from './enterprise-methods';

/** 认证方式 as the verified view, messages and logs name it, for every method of §4 and §5. */
export const VERIFICATION_METHOD_LABEL: Record<string, string> = {
  wechat: '微信扫码认证',
  qq: 'QQ扫码认证',
  face: '人脸识别认证',
  ...ENTERPRISE_METHOD_LABEL,
};

export function verificationMethodLabel(method: string | null): string {
  return method ? (VERIFICATION_METHOD_LABEL[method] ?? method) : '实名认证';
}
