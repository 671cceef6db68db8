import QRCode from 'qrcode';
import sharp from 'sharp';
import { certificateTitleOf } from './registry/details';
import type { Enterprise } from './registry/enterprises';

/**
 * A realistic 营业执照 (2019 landscape edition) for a registry enterprise, drawn as SVG
 * and rendered to PNG with sharp: red double border, title, 统一社会信用代码 top left, a
 * QR code top right (it encodes the code itself, so a reader may use it instead of
 * OCR), the fields in two columns, and the registration authority's red seal.
 * Fonts: Debian's Noto CJK (fonts-noto-cjk), installed by .ci/run.
 */

export const LICENCE_WIDTH = 1600;
export const LICENCE_HEIGHT = 1130;
/** Where the QR code is printed (a reader may crop it from a straight scan). */
export const LICENCE_QR_BOX = { x: 1290, y: 110, size: 180 } as const;

const RED = '#c8161d';
const INK = '#1d1d1f';
const SERIF = "'Noto Serif CJK SC', 'Noto Sans CJK SC', serif";
const SANS = "'Noto Sans CJK SC', sans-serif";

type LicenceData = Pick<
  Enterprise,
  'code' | 'name' | 'licenceType' | 'legalRepName' | 'entityType' | 'address' | 'registeredCapital' | 'establishedOn' | 'authority'
>;

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const NO_LINE_START = /^[、，。；：！？）」』》,.;:!?)]$/;

/**
 * Splits text into lines of at most `width` full-width characters (Latin counts about
 * half): digit and letter runs stay whole, and closing punctuation never starts a line.
 */
function wrap(text: string, width: number, maxLines: number): string[] {
  const tokens = text.match(/[A-Za-z0-9]+|[\s\S]/gu) ?? [];
  const widthOf = (t: string) => [...t].reduce((sum, ch) => sum + (/[\x20-\x7e]/.test(ch) ? 0.55 : 1), 0);
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const token of tokens) {
    const w = widthOf(token);
    if (used + w > width && line && !NO_LINE_START.test(token)) {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += token;
    used += w;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, -1)}…`;
    return kept;
  }
  return lines;
}

/** `2019-03-15` → `2019年03月15日`, as printed. */
function chineseDate(iso: string): string {
  return `${iso.slice(0, 4)}年${iso.slice(5, 7)}月${iso.slice(8, 10)}日`;
}

/** A label spread over four character widths (名　　称), as on the real licence. */
function label(x: number, y: number, text: string, size = 30): string {
  const chars = [...text];
  const span = 4 * size;
  if (chars.length >= 4) return `<text x="${x}" y="${y}" font-size="${size}" font-family="${SERIF}" font-weight="700" fill="${INK}">${esc(text)}</text>`;
  const step = chars.length > 1 ? (span - size) / (chars.length - 1) : 0;
  return chars
    .map((c, i) => `<text x="${x + i * step}" y="${y}" font-size="${size}" font-family="${SERIF}" font-weight="700" fill="${INK}">${esc(c)}</text>`)
    .join('');
}

function valueLines(x: number, y: number, lines: string[], size = 28, lineHeight = 42): string {
  return lines.map((l, i) => `<text x="${x}" y="${y + i * lineHeight}" font-size="${size}" font-family="${SERIF}" fill="${INK}">${esc(l)}</text>`).join('');
}

function qrPath(code: string, x: number, y: number, size: number): string {
  const qr = QRCode.create(code, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / n;
  let d = '';
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.get(row, col)) d += `M${(x + col * cell).toFixed(2)} ${(y + row * cell).toFixed(2)}h${cell.toFixed(2)}v${cell.toFixed(2)}h-${cell.toFixed(2)}z`;
    }
  }
  return `<rect x="${x - 10}" y="${y - 10}" width="${size + 20}" height="${size + 20}" fill="#fff"/><path d="${d}" fill="#000"/>`;
}

function star(cx: number, cy: number, outer: number): string {
  const inner = outer * 0.382;
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    points.push(`${(cx + r * Math.cos(a)).toFixed(1)},${(cy + r * Math.sin(a)).toFixed(1)}`);
  }
  return `<polygon points="${points.join(' ')}" fill="${RED}"/>`;
}

/** The round seal: double ring, a star, the authority's name set along the upper arc. */
function seal(cx: number, cy: number, authority: string): string {
  const radius = 118;
  const chars = [...authority];
  const textRadius = radius - 34;
  const spread = Math.min(250, 22 * chars.length); // degrees covered by the text
  const size = chars.length > 12 ? 26 : 30;
  const letters = chars
    .map((c, i) => {
      const deg = -spread / 2 + (chars.length === 1 ? 0 : (spread * i) / (chars.length - 1));
      const rad = (deg * Math.PI) / 180;
      const x = cx + textRadius * Math.sin(rad);
      const y = cy - textRadius * Math.cos(rad);
      return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${size}" font-family="${SANS}" font-weight="700" fill="${RED}" text-anchor="middle" dominant-baseline="central" transform="rotate(${deg.toFixed(1)} ${x.toFixed(1)} ${y.toFixed(1)})">${esc(c)}</text>`;
    })
    .join('');
  return `<g opacity="0.82">
    <circle cx="${cx}" cy="${cy}" r="${radius}" fill="none" stroke="${RED}" stroke-width="7"/>
    <circle cx="${cx}" cy="${cy}" r="${radius - 10}" fill="none" stroke="${RED}" stroke-width="1.5"/>
    ${star(cx, cy + 8, 40)}
    ${letters}
  </g>`;
}

/** A faint guilloche of interlaced waves, the security print of the paper. */
function guilloche(): string {
  const paths: string[] = [];
  for (let k = 0; k < 14; k++) {
    let d = '';
    for (let x = 60; x <= LICENCE_WIDTH - 60; x += 20) {
      const y = 120 + k * 68 + 16 * Math.sin(x / 55 + k) + 8 * Math.sin(x / 17);
      d += `${x === 60 ? 'M' : 'L'}${x} ${y.toFixed(1)}`;
    }
    paths.push(`<path d="${d}" fill="none" stroke="#e9d8c4" stroke-width="1.2"/>`);
  }
  return paths.join('');
}

/** Corner ornaments between the two border lines. */
function corners(): string {
  const at = [
    [44, 44, 1, 1],
    [LICENCE_WIDTH - 44, 44, -1, 1],
    [44, LICENCE_HEIGHT - 44, 1, -1],
    [LICENCE_WIDTH - 44, LICENCE_HEIGHT - 44, -1, -1],
  ] as const;
  return at
    .map(([x, y, sx, sy]) => `<path d="M${x} ${y + sy * 70} L${x} ${y} L${x + sx * 70} ${y} M${x + sx * 14} ${y + sy * 46} L${x + sx * 14} ${y + sy * 14} L${x + sx * 46} ${y + sy * 14}" fill="none" stroke="${RED}" stroke-width="5"/>`)
    .join('');
}

const NON_BUSINESS_SCOPE = '为社会提供公益服务。开展相关业务培训、咨询与交流，承办主管部门交办的其他事项。';
const BUSINESS_SCOPE = '一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信息系统集成服务；计算机系统服务；数据处理服务。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）';

export function licenceSvg(e: LicenceData): string {
  const title = certificateTitleOf(e.code, e.licenceType);
  const isSoleTrader = e.entityType === '个体工商户';
  const isBusiness = e.licenceType === 'business_licence';
  // 营业执照 is set wide apart; a longer certificate title tighter, so it never reaches the code or the QR code.
  const titleSize = title.length <= 4 ? 104 : 76;
  const titleSpacing = title.length <= 4 ? 52 : 8;
  const left = 150;
  const leftValue = 350;
  const right = 880;
  const rightValue = 1080;
  const top = 470;
  const nameLines = wrap(e.name, 16, 2);
  const typeLines = wrap(e.entityType, 17, 2);
  const addressLines = wrap(e.address, 14, 3);
  const scopeLines = wrap(isBusiness ? BUSINESS_SCOPE : NON_BUSINESS_SCOPE, 19, 5);
  const typeY = top + 42 * nameLines.length + 30;
  const repY = typeY + 42 * typeLines.length + 30;
  const scopeY = repY + 72;

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${LICENCE_WIDTH}" height="${LICENCE_HEIGHT}" viewBox="0 0 ${LICENCE_WIDTH} ${LICENCE_HEIGHT}">
  <rect width="100%" height="100%" fill="#fbf6ec"/>
  ${guilloche()}
  <rect x="28" y="28" width="${LICENCE_WIDTH - 56}" height="${LICENCE_HEIGHT - 56}" fill="none" stroke="${RED}" stroke-width="12"/>
  <rect x="52" y="52" width="${LICENCE_WIDTH - 104}" height="${LICENCE_HEIGHT - 104}" fill="none" stroke="${RED}" stroke-width="3"/>
  ${corners()}

  <text x="${left - 20}" y="150" font-size="26" font-family="${SERIF}" font-weight="700" fill="${INK}">统一社会信用代码</text>
  <text x="${left - 20}" y="192" font-size="27" font-family="${SANS}" letter-spacing="1" fill="${INK}">${esc(e.code)}</text>

  <text x="${LICENCE_WIDTH / 2 + titleSpacing / 2}" y="270" font-size="${titleSize}" font-family="${SERIF}" font-weight="700" fill="${INK}" text-anchor="middle" letter-spacing="${titleSpacing}">${esc(title)}</text>
  <text x="${LICENCE_WIDTH / 2}" y="336" font-size="32" font-family="${SERIF}" fill="${INK}" text-anchor="middle">（副　本）</text>

  ${qrPath(e.code, LICENCE_QR_BOX.x, LICENCE_QR_BOX.y, LICENCE_QR_BOX.size)}
  <text x="1380" y="330" font-size="15" font-family="${SANS}" fill="${INK}" text-anchor="middle">扫描二维码登录“国家企业</text>
  <text x="1380" y="352" font-size="15" font-family="${SANS}" fill="${INK}" text-anchor="middle">信用信息公示系统”了解更多</text>
  <text x="1380" y="374" font-size="15" font-family="${SANS}" fill="${INK}" text-anchor="middle">登记、备案、许可、监管信息</text>

  ${label(left, top, '名称')}${valueLines(leftValue, top, nameLines)}
  ${label(left, typeY, '类型')}${valueLines(leftValue, typeY, typeLines)}
  ${label(left, repY, isSoleTrader ? '经营者' : '法定代表人')}${valueLines(leftValue, repY, [e.legalRepName])}
  ${label(left, scopeY, isBusiness ? '经营范围' : '业务范围')}${valueLines(leftValue, scopeY, scopeLines, 24, 36)}

  ${label(right, top, isSoleTrader ? '组成形式' : isBusiness ? '注册资本' : '开办资金')}${valueLines(rightValue, top, [isSoleTrader ? '个人经营' : e.registeredCapital])}
  ${label(right, top + 72, '成立日期')}${valueLines(rightValue, top + 72, [chineseDate(e.establishedOn)])}
  ${label(right, top + 144, isSoleTrader ? '经营期限' : isBusiness ? '营业期限' : '有效期')}${valueLines(rightValue, top + 144, [`${chineseDate(e.establishedOn)}至长期`])}
  ${label(right, top + 216, isSoleTrader ? '经营场所' : '住所')}${valueLines(rightValue, top + 216, addressLines)}

  <text x="1000" y="948" font-size="30" font-family="${SERIF}" font-weight="700" fill="${INK}">登记机关</text>
  <text x="1175" y="1004" font-size="28" font-family="${SERIF}" fill="${INK}">${esc(chineseDate(e.establishedOn))}</text>
  ${seal(1285, 925, e.authority)}

  <text x="${LICENCE_WIDTH / 2}" y="1040" font-size="20" font-family="${SANS}" fill="${INK}" text-anchor="middle">国家企业信用信息公示系统网址：http://www.gsxt.gov.cn</text>
  <text x="${LICENCE_WIDTH / 2}" y="1068" font-size="18" font-family="${SANS}" fill="${INK}" text-anchor="middle">市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告　　模拟环境生成，仅供测试</text>
</svg>`;
}

/** The licence as a PNG (≈ 1600 × 1130). */
export async function renderLicencePng(e: LicenceData): Promise<Buffer> {
  return sharp(Buffer.from(licenceSvg(e))).png({ compressionLevel: 9 }).toBuffer();
}
