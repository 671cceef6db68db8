import { INDUSTRIES } from '@/lib/domain/industries';
import type { MessageEntry } from '../format';

/** The fixed industry list (所属行业, 行业信息): each industry's name, keyed by its code in lib/domain/industries.ts. */
export const industriesMessages = {
  'industry.internet_it': '互联网/IT服务',
  'industry.ecommerce': '电子商务',
  'industry.gaming': '游戏',
  'industry.culture_media': '文化传媒',
  'industry.finance': '金融',
  'industry.education': '教育',
  'industry.healthcare': '医疗健康',
  'industry.public_service': '政务/公共服务',
  'industry.manufacturing': '制造业',
  'industry.transport_logistics': '交通物流',
  'industry.retail_wholesale': '零售/批发',
  'industry.real_estate_construction': '房地产/建筑',
  'industry.energy_chemicals': '能源/化工',
  'industry.agriculture': '农林牧渔',
  'industry.catering_travel_hotel': '餐饮/旅游/酒店',
  'industry.individual_developer': '个人开发者/学生',
  'industry.other': '其他',
  'industry.choose': '请选择行业',
} as const satisfies Record<string, MessageEntry>;

/** The names in the list's order: the forms' options (the value posted and stored is the name). */
export const INDUSTRY_NAMES = INDUSTRIES.map((code) => industriesMessages[`industry.${code}`]) as [string, ...string[]];
