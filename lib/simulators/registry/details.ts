import { createHash } from 'node:crypto';
import type { RegistryLicenceType } from '../schema';

/**
 * Plausible licence details (类型, 住所, 注册资本, 成立日期, 登记机关) derived from the
 * code, so that a registry entry created with only the contract's fields still renders
 * a realistic licence — and the same code always renders the same licence.
 */

interface Place {
  province: string;
  city: string;
  district: string;
  street: string;
}

/** GB/T 2260 province (first two digits of the area code) → a place in its capital. */
const PLACES: Record<string, Place> = {
  '11': { province: '北京市', city: '', district: '海淀区', street: '中关村大街' },
  '12': { province: '天津市', city: '', district: '和平区', street: '南京路' },
  '13': { province: '河北省', city: '石家庄市', district: '长安区', street: '中山东路' },
  '14': { province: '山西省', city: '太原市', district: '小店区', street: '长风街' },
  '15': { province: '内蒙古自治区', city: '呼和浩特市', district: '新城区', street: '新华大街' },
  '21': { province: '辽宁省', city: '沈阳市', district: '和平区', street: '南京北街' },
  '22': { province: '吉林省', city: '长春市', district: '朝阳区', street: '人民大街' },
  '23': { province: '黑龙江省', city: '哈尔滨市', district: '南岗区', street: '红军街' },
  '31': { province: '上海市', city: '', district: '浦东新区', street: '世纪大道' },
  '32': { province: '江苏省', city: '南京市', district: '玄武区', street: '中山路' },
  '33': { province: '浙江省', city: '杭州市', district: '西湖区', street: '文三路' },
  '34': { province: '安徽省', city: '合肥市', district: '蜀山区', street: '长江西路' },
  '35': { province: '福建省', city: '福州市', district: '鼓楼区', street: '五四路' },
  '36': { province: '江西省', city: '南昌市', district: '东湖区', street: '八一大道' },
  '37': { province: '山东省', city: '济南市', district: '历下区', street: '泉城路' },
  '41': { province: '河南省', city: '郑州市', district: '金水区', street: '花园路' },
  '42': { province: '湖北省', city: '武汉市', district: '洪山区', street: '珞喻路' },
  '43': { province: '湖南省', city: '长沙市', district: '岳麓区', street: '麓山南路' },
  '44': { province: '广东省', city: '深圳市', district: '南山区', street: '深南大道' },
  '45': { province: '广西壮族自治区', city: '南宁市', district: '青秀区', street: '民族大道' },
  '46': { province: '海南省', city: '海口市', district: '龙华区', street: '滨海大道' },
  '50': { province: '重庆市', city: '', district: '渝中区', street: '解放碑步行街' },
  '51': { province: '四川省', city: '成都市', district: '武侯区', street: '天府大道' },
  '52': { province: '贵州省', city: '贵阳市', district: '观山湖区', street: '长岭北路' },
  '53': { province: '云南省', city: '昆明市', district: '五华区', street: '东风西路' },
  '54': { province: '西藏自治区', city: '拉萨市', district: '城关区', street: '北京中路' },
  '61': { province: '陕西省', city: '西安市', district: '雁塔区', street: '科技路' },
  '62': { province: '甘肃省', city: '兰州市', district: '城关区', street: '东岗西路' },
  '63': { province: '青海省', city: '西宁市', district: '城西区', street: '五四大街' },
  '64': { province: '宁夏回族自治区', city: '银川市', district: '金凤区', street: '北京中路' },
  '65': { province: '新疆维吾尔自治区', city: '乌鲁木齐市', district: '天山区', street: '解放北路' },
};

const CAPITALS = ['壹佰万元整', '贰佰万元整', '伍佰万元整', '壹仟万元整', '叁仟万元整', '伍拾万元整'];

function bytesOf(code: string): Buffer {
  return createHash('sha256').update(code).digest();
}

/** The area code: positions 3–8 of a USCC, 1–6 of a registration number. */
function placeOf(code: string): Place {
  const area = code.length === 18 ? code.slice(2, 8) : code.slice(0, 6);
  return PLACES[area.slice(0, 2)] ?? PLACES['11']!;
}

/** 类型 as printed on the licence, from the registration authority and entity-type digits of a USCC. */
export function entityTypeOf(code: string, licenceType: RegistryLicenceType): string {
  const prefix = code.length === 18 ? code.slice(0, 2) : '';
  if (licenceType === 'business_licence') {
    if (prefix === '92') return '个体工商户';
    if (prefix === '93') return '农民专业合作社';
    return '有限责任公司（自然人投资或控股）';
  }
  const other: Record<string, string> = { '11': '机关', '12': '事业单位', '51': '社会团体', '52': '民办非企业单位', '53': '基金会', '54': '宗教活动场所' };
  return other[prefix] ?? '其他组织';
}

/** The certificate's title: a 营业执照 for business subjects, the matching registration certificate otherwise. */
export function certificateTitleOf(code: string, licenceType: RegistryLicenceType): string {
  if (licenceType === 'business_licence') return '营业执照';
  const titles: Record<string, string> = { '12': '事业单位法人证书', '51': '社会团体法人登记证书', '52': '民办非企业单位登记证书', '53': '基金会法人登记证书' };
  return titles[code.slice(0, 2)] ?? '组织机构登记证书';
}

export function generatedDetails(code: string, licenceType: RegistryLicenceType) {
  const b = bytesOf(code);
  const place = placeOf(code);
  const number = 1 + (b[0]! % 199);
  const room = `${1 + (b[1]! % 20)}${String(1 + (b[2]! % 12)).padStart(2, '0')}`;
  const address = `${place.province}${place.city}${place.district}${place.street}${number}号${room}室`;
  const cityName = place.city || place.province;
  const authority =
    licenceType === 'business_licence' ? `${cityName}${place.district}市场监督管理局` : `${cityName}${entityTypeOf(code, licenceType) === '事业单位' ? '事业单位登记管理局' : '民政局'}`;
  const year = 2008 + (b[3]! % 15);
  const month = 1 + (b[4]! % 12);
  const day = 1 + (b[5]! % 28);
  return {
    entityType: entityTypeOf(code, licenceType),
    address,
    registeredCapital: CAPITALS[b[6]! % CAPITALS.length]!,
    establishedOn: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    authority,
  };
}
