import sharp from 'sharp';

/**
 * 变更申请表 (R-CHG-E1, R-CHG-E2): the template the user downloads pre-filled with the
 * request, signs, stamps and uploads with the proofs. pdf-lib's standard fonts cannot
 * draw Chinese, so the page is drawn as SVG with the system's Noto CJK fonts
 * (fonts-noto-cjk), rendered to PNG with sharp and placed on an A4 page. Numbers come
 * in already masked (SPEC §9): the file leaves the product.
 */

/** One A4 page at 150 dpi. */
const WIDTH = 1240;
const HEIGHT = 1754;
const A4 = { width: 595.28, height: 841.89 } as const;

const INK = '#1d1d1f';
const MUTED = '#5b5b66';
const LINE = '#8a8a94';
const SANS = "'Noto Sans CJK SC', 'Noto Serif CJK SC', sans-serif";

export interface ApplicationFormRow {
  label: string;
  value: string;
}

export interface ChangeApplicationFormData {
  /** 变更企业主体（A企业变成B企业） / 变更企业名称. */
  typeLabel: string;
  /** 申请编号 (the request's id) and 账号ID. */
  requestNumber: string;
  accountNumber: string;
  /** The rows of the form, in order (values masked by the caller where sensitive). */
  rows: ApplicationFormRow[];
  /** What the applicant declares, one paragraph. */
  declaration: string;
  /** Who signs and stamps: one box each. */
  signatures: string[];
  /** 申请日期, as printed (`2026年11月27日`). */
  dateText: string;
  /** The product clock's now: the file's creation time. */
  createdAt: Date;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const NO_LINE_START = /^[、，。；：！？）」』》,.;:!?)]$/;

/** Splits text into lines of at most `width` full-width characters (Latin counts about half); digit/letter runs stay whole. */
export function wrapText(text: string, width: number): string[] {
  const tokens = text.match(/[A-Za-z0-9*]+|[\s\S]/gu) ?? [];
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
      if (token === ' ') continue;
    }
    line += token;
    used += w;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

function text(x: number, y: number, value: string, size: number, options: { weight?: number; fill?: string; anchor?: 'start' | 'middle' | 'end' } = {}): string {
  return `<text x="${x}" y="${y}" font-size="${size}" font-family="${SANS}" font-weight="${options.weight ?? 400}" fill="${options.fill ?? INK}" text-anchor="${options.anchor ?? 'start'}">${esc(value)}</text>`;
}

/** The form as SVG (exported for its unit test: the values must be on the page). */
export function changeApplicationFormSvg(data: ChangeApplicationFormData): string {
  const left = 110;
  const right = WIDTH - 110;
  const labelWidth = 330;
  const parts: string[] = [];
  parts.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`);
  parts.push(text(WIDTH / 2, 170, '实名认证主体变更申请表', 52, { weight: 700, anchor: 'middle' }));
  parts.push(text(WIDTH / 2, 232, `（${data.typeLabel}）`, 30, { anchor: 'middle', fill: MUTED }));
  parts.push(text(left, 310, `申请编号：${data.requestNumber}`, 22, { fill: MUTED }));
  parts.push(text(right, 310, `账号ID：${data.accountNumber}`, 22, { fill: MUTED, anchor: 'end' }));

  // The table: label cell, value cell; a row grows with its wrapped value.
  let y = 340;
  const size = 28;
  const lineHeight = 40;
  const rows: string[] = [];
  for (const row of data.rows) {
    const lines = wrapText(row.value, 22);
    const height = Math.max(84, 30 + lines.length * lineHeight);
    rows.push(`<rect x="${left}" y="${y}" width="${labelWidth}" height="${height}" fill="#f4f5f7" stroke="${LINE}" stroke-width="2"/>`);
    rows.push(`<rect x="${left + labelWidth}" y="${y}" width="${right - left - labelWidth}" height="${height}" fill="none" stroke="${LINE}" stroke-width="2"/>`);
    const labelLines = wrapText(row.label, 11);
    labelLines.forEach((l, i) => rows.push(text(left + 24, y + (height - labelLines.length * lineHeight) / 2 + 30 + i * lineHeight, l, size - 2, { weight: 700 })));
    lines.forEach((l, i) => rows.push(text(left + labelWidth + 24, y + (height - lines.length * lineHeight) / 2 + 30 + i * lineHeight, l, size)));
    y += height;
  }
  parts.push(...rows);

  y += 64;
  parts.push(text(left, y, '申请声明', 30, { weight: 700 }));
  y += 10;
  for (const l of wrapText(data.declaration, 38)) {
    y += 44;
    parts.push(text(left, y, l, 26));
  }

  // Signature boxes side by side.
  y += 44;
  const gap = 30;
  const count = Math.max(1, data.signatures.length);
  const boxWidth = (right - left - gap * (count - 1)) / count;
  const boxHeight = 210;
  data.signatures.forEach((s, i) => {
    const x = left + i * (boxWidth + gap);
    parts.push(`<rect x="${x}" y="${y}" width="${boxWidth}" height="${boxHeight}" fill="none" stroke="${LINE}" stroke-width="2" stroke-dasharray="10 8"/>`);
    wrapText(s, Math.floor(boxWidth / 28)).forEach((l, j) => parts.push(text(x + 20, y + 44 + j * 36, l, 24, { fill: MUTED })));
    parts.push(text(x + boxWidth - 20, y + boxHeight - 24, '年　　月　　日', 22, { fill: MUTED, anchor: 'end' }));
  });
  y += boxHeight + 60;
  parts.push(text(left, y, `申请日期：${data.dateText}`, 26));
  const notes = wrapText('填写说明：本表由系统根据变更申请生成，请核对后由相关企业加盖公章、法定代表人签字，扫描或拍照后上传（PDF/JPG/PNG，不超过 5 MB）。证件号码及社会信用代码已按隐私保护要求部分隐藏。', 50);
  notes.forEach((l, i) => parts.push(text(left, HEIGHT - 60 - (notes.length - 1 - i) * 30, l, 20, { fill: MUTED })));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${parts.join('')}</svg>`;
}

/** The form as a one-page A4 PDF. */
export async function renderChangeApplicationFormPdf(data: ChangeApplicationFormData): Promise<Uint8Array> {
  // A 16-grey palette keeps the file small (black text on white).
  const png = await sharp(Buffer.from(changeApplicationFormSvg(data))).png({ compressionLevel: 9, palette: true, colours: 16 }).toBuffer();
  // The metadata dates come from the product clock, not the machine's.
  // pdf-lib (~80 modules) is loaded with the first form, not with every module that imports this one.
  const { PDFDocument } = await import('pdf-lib');
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setCreationDate(data.createdAt);
  pdf.setModificationDate(data.createdAt);
  pdf.setTitle(`实名认证主体变更申请表（${data.typeLabel}）`);
  pdf.setSubject(data.typeLabel);
  pdf.setCreator('实名认证中心');
  pdf.setProducer('实名认证中心');
  const image = await pdf.embedPng(png);
  const page = pdf.addPage([A4.width, A4.height]);
  page.drawImage(image, { x: 0, y: 0, width: A4.width, height: A4.height });
  return pdf.save();
}
