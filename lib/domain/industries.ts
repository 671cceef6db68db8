/** The fixed industry list (所属行业 on 账号信息, 行业信息 in the personal wizard). */
export const INDUSTRIES = [
  '互联网/IT服务',
  '电子商务',
  '游戏',
  '文化传媒',
  '金融',
  '教育',
  '医疗健康',
  '政务/公共服务',
  '制造业',
  '交通物流',
  '零售/批发',
  '房地产/建筑',
  '能源/化工',
  '农林牧渔',
  '餐饮/旅游/酒店',
  '个人开发者/学生',
  '其他',
] as const;

export type Industry = (typeof INDUSTRIES)[number];
