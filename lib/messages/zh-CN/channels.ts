/**
 * The channels' own words at the edge (issue 18): the waiting panel's link to a real
 * provider's page (the simulator's keeps 在模拟器中打开) and its expiry, whatever the code's
 * lifetime; and the page a phone lands on when a provider that answers by redirect sends
 * the person back (docs/decisions/0030) and the browser is not the account owner's signed
 * in: what happened, never whose result or which.
 */
export const channelsMessages = {
  'channels.scan.open': '打开认证页面',
  'channels.scan.open_hint': '（或使用手机扫描二维码）',
  'channels.scan.expired': '二维码已过期，请重新获取。',
  'channels.name.wechat': '微信扫码',
  'channels.name.qq': 'QQ扫码',
  'channels.name.face': '人脸识别',
  'channels.name.oa': '微信公众平台授权',
  'channels.returned.title': '{channel} - 云控制台',
  'channels.returned.done': '已完成，请返回电脑端查看结果。',
  'channels.returned.checking': '正在确认结果，请返回电脑端查看结果。',
} as const;
