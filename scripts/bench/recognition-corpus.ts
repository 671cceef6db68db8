/**
 * The licence images of the recognition benchmark (scripts/bench/recognition.ts):
 * registry-like subjects — valid USCCs of several registration authorities and 15-digit
 * registration numbers, made with their check characters; names from 9 to 23
 * characters, some wrapping onto a second line, some with brackets; 营业执照 and the
 * certificates of 事业单位, 社会团体, 民办非企业单位 and 基金会 — each rendered by the
 * simulator's licence generator and then degraded the way uploads are: tilted up to
 * ±5°, blurred, saved as JPEG quality 60, faded, turned 90° without EXIF (and once
 * with an EXIF orientation), and photographed large (3000 px wide, on a desk).
 *
 * Deterministic: the same corpus every run (a fixed seed).
 */
import sharp from 'sharp';
import { makeRegistrationNumber, makeUscc } from '@/lib/domain/identity';
import { renderLicencePng } from '@/lib/simulators/licence-image';
import { generatedDetails } from '@/lib/simulators/registry/details';

export interface BenchLicence {
  label: string;
  variant: string;
  expected: { name: string; code: string };
  bytes: Buffer;
}

type Kind = 'business_licence' | 'other';

interface Subject {
  name: string;
  kind: Kind;
  /** Positions 1–8 of a USCC, or null for a 15-digit registration number. */
  head: string | null;
  area: string;
  legalRep: string;
}

// Names of 9 to 23 characters; the licence wraps a name after 16 characters.
const SUBJECTS: Subject[] = [
  { name: '北京星河数智科技有限公司', kind: 'business_licence', head: '91110108', area: '110108', legalRep: '赵建国' },
  { name: '杭州西溪文创有限公司', kind: 'business_licence', head: null, area: '330106', legalRep: '张伟' },
  { name: '深圳市南山区老王记粤菜馆', kind: 'business_licence', head: '92440300', area: '440305', legalRep: '孙丽' },
  { name: '华夏（上海）国际物流股份有限公司', kind: 'business_licence', head: '91310115', area: '310115', legalRep: '王海峰' },
  { name: '苏州工业园区智能制造装备研究院有限公司', kind: 'business_licence', head: '91320594', area: '320594', legalRep: '陈思远' },
  { name: '深圳市南山区青少年科技创新服务中心', kind: 'other', head: '12440300', area: '440305', legalRep: '周海' },
  { name: '北京开源软件促进会', kind: 'other', head: '51110000', area: '110000', legalRep: '刘洋' },
  { name: '成都天府云图信息技术有限公司', kind: 'business_licence', head: '91510100', area: '510100', legalRep: '李娜' },
  { name: '西安雁塔区小雁塔书店', kind: 'business_licence', head: '92610113', area: '610113', legalRep: '马俊' },
  { name: '北京市海淀区星光培训学校', kind: 'other', head: '52110108', area: '110108', legalRep: '黄蕾' },
  { name: '广州白云山医药集团股份有限公司', kind: 'business_licence', head: null, area: '440111', legalRep: '何志强' },
  { name: '浙江省慈善与公益发展基金会', kind: 'other', head: '53330000', area: '330000', legalRep: '郑晓明' },
  { name: '云南普洱茶叶种植农民专业合作社', kind: 'business_licence', head: '93530800', area: '530802', legalRep: '岩温' },
  { name: '江苏省软件行业协会', kind: 'other', head: '51320000', area: '320000', legalRep: '吴国平' },
  { name: '武汉光谷生物医药创新股份有限公司', kind: 'business_licence', head: '91420100', area: '420111', legalRep: '林晨' },
  { name: '南京鼓楼区李明电子产品经营部', kind: 'business_licence', head: null, area: '320106', legalRep: '李明' },
  { name: '上海市浦东新区社区卫生服务中心', kind: 'other', head: '12310115', area: '310115', legalRep: '徐静' },
  { name: '重庆渝中火锅餐饮管理有限公司', kind: 'business_licence', head: '91500103', area: '500103', legalRep: '邓伟' },
  { name: '厦门海沧港口物流有限公司', kind: 'business_licence', head: '91350205', area: '350205', legalRep: '蔡明辉' },
  { name: '哈尔滨冰城（国际）冰雪旅游文化传播有限责任公司', kind: 'business_licence', head: '91230100', area: '230102', legalRep: '高峰' },
  { name: '青岛崂山矿泉水销售有限公司', kind: 'business_licence', head: null, area: '370212', legalRep: '孔令辉' },
  { name: '长沙岳麓山书院文化研究院', kind: 'other', head: '52430104', area: '430104', legalRep: '谭雅' },
  { name: '郑州二七区老张烩面馆', kind: 'business_licence', head: '92410103', area: '410103', legalRep: '张建设' },
  { name: '中关村数字经济产业联盟促进中心', kind: 'other', head: '12110108', area: '110108', legalRep: '赵敏' },
];

type Degrade = (png: Buffer, random: () => number) => Promise<Buffer>;

const WHITE = { r: 255, g: 255, b: 255, alpha: 1 };

const VARIANTS: { name: string; apply: Degrade }[] = [
  { name: 'straight PNG', apply: async (png) => png },
  { name: 'tilted +3.5°', apply: (png) => sharp(png).rotate(3.5, { background: WHITE }).png().toBuffer() },
  { name: 'tilted −5°, JPEG q60', apply: (png) => sharp(png).rotate(-5, { background: WHITE }).jpeg({ quality: 60 }).toBuffer() },
  { name: 'blur σ1.5', apply: (png) => sharp(png).blur(1.5).png().toBuffer() },
  { name: 'JPEG q60', apply: (png) => sharp(png).jpeg({ quality: 60 }).toBuffer() },
  { name: 'low contrast (35 %)', apply: (png) => sharp(png).linear(0.35, 160).png().toBuffer() },
  { name: 'turned 90° (no EXIF)', apply: (png) => sharp(png).rotate(90).jpeg({ quality: 85 }).toBuffer() },
  { name: 'photo 3000 px, tilted 2°, JPEG', apply: (png, random) => photo(png, 2 - random(), 3000) },
  { name: 'tilted −4°, blur σ1, JPEG q60', apply: (png) => sharp(png).rotate(-4, { background: WHITE }).blur(1).jpeg({ quality: 60 }).toBuffer() },
  { name: 'low contrast, JPEG q60', apply: (png) => sharp(png).linear(0.45, 120).jpeg({ quality: 60 }).toBuffer() },
  { name: 'EXIF orientation 6', apply: (png) => sharp(png).rotate(270).jpeg({ quality: 85 }).withMetadata({ orientation: 6 }).toBuffer() },
  { name: 'tilted +5°, blur σ1.2, low contrast', apply: (png) => sharp(png).rotate(5, { background: WHITE }).blur(1.2).linear(0.5, 110).png().toBuffer() },
];

/** A phone photo of the licence on a desk: margins, a slight tilt, shrunk print, upscaled to `width` px. */
async function photo(png: Buffer, tilt: number, width: number): Promise<Buffer> {
  const desk = { r: 128, g: 118, b: 104, alpha: 1 };
  const framed = await sharp(png).extend({ top: 260, bottom: 300, left: 340, right: 280, background: desk }).rotate(tilt, { background: desk }).png().toBuffer();
  return sharp(framed).resize({ width }).modulate({ brightness: 0.95 }).jpeg({ quality: 85 }).toBuffer();
}

/** A small seeded generator: the corpora are the same in every run. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Organisation-code bodies avoid the letters a USCC cannot hold (I O Z S V). */
const BODY_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function codeOf(subject: Subject, random: () => number): string {
  const pick = (alphabet: string) => alphabet.charAt(Math.floor(random() * alphabet.length));
  if (!subject.head) {
    let digits = subject.area;
    while (digits.length < 14) digits += pick('0123456789');
    return makeRegistrationNumber(digits);
  }
  for (;;) {
    let body = '';
    for (let i = 0; i < 8; i++) body += pick(i < 2 && random() < 0.5 ? 'MJ' : BODY_ALPHABET);
    const code = makeUscc(subject.head, body);
    // The organisation code's own check character may come out as a letter outside the USCC alphabet.
    if (/^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(code)) return code;
  }
}

export async function benchLicences(count = SUBJECTS.length): Promise<BenchLicence[]> {
  const random = mulberry32(20_240_611);
  const out: BenchLicence[] = [];
  for (let i = 0; i < count; i++) {
    const subject = SUBJECTS[i % SUBJECTS.length]!;
    const variant = VARIANTS[i % VARIANTS.length]!;
    const code = codeOf(subject, random);
    const png = await renderLicencePng({ code, name: subject.name, licenceType: subject.kind, legalRepName: subject.legalRep, ...generatedDetails(code, subject.kind) });
    out.push({
      label: `${String(i + 1).padStart(2, '0')} ${subject.kind === 'business_licence' ? '营业执照' : '组织证照'} ${code.length === 15 ? '注册号' : 'USCC'}`,
      variant: variant.name,
      expected: { name: subject.name, code },
      bytes: await variant.apply(png, random),
    });
  }
  return out;
}
