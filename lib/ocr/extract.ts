import { type CodeCandidate, codesIn } from './code';
import type { OcrLine } from './types';

/**
 * Reads 名称 and the code off the text boxes of a licence or of a non-business
 * subject's certificate (事业单位法人证书, 社会团体法人登记证书, …). Pure: boxes in,
 * fields out, so it is tested without the engine.
 *
 * Layout, not position: a box is placed in the page's own frame (the median slope of
 * the wide boxes is taken out, so a photo tilted by a few degrees reads like a scan),
 * the 名称 label is found, its value is the text to its right on the same row, and a
 * name that wraps continues on the next line starting under the value with no label
 * on its left. Without a 名称 label, the topmost box that ends like an organisation's
 * name (…公司, …中心, …协会) stands in.
 */

export interface ExtractedFields {
  name: string | null;
  /** Where the name came from: beside its 名称 label, or only the look of an organisation's name. */
  nameFrom: 'label' | 'pattern' | null;
  /** The engine's confidence in the name: the lowest of the boxes it was read from. */
  nameConfidence: number | null;
  code: string | null;
  /** Every code that passed its check, best first. */
  codes: string[];
}

interface Placed {
  text: string;
  confidence: number;
  /** The text without white space, colons or the ideographic space: what labels are matched against. */
  compact: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  cy: number;
  h: number;
}

/** Field labels of 营业执照 and of the registration certificates of other organisations. */
const FIELD_LABELS = new Set([
  '名称',
  '企业名称',
  '单位名称',
  '机构名称',
  '组织名称',
  '社会组织名称',
  '社会团体名称',
  '类型',
  '主体类型',
  '社会组织类型',
  '法定代表人',
  '法定代表人姓名',
  '负责人',
  '经营者',
  '投资人',
  '执行事务合伙人',
  '首席代表',
  '经营范围',
  '业务范围',
  '宗旨和业务范围',
  '注册资本',
  '注册资金',
  '开办资金',
  '出资额',
  '组成形式',
  '成立日期',
  '注册日期',
  '营业期限',
  '经营期限',
  '合伙期限',
  '有效期',
  '有效期限',
  '住所',
  '地址',
  '经营场所',
  '主要经营场所',
  '登记机关',
  '发证机关',
  '举办单位',
  '业务主管单位',
  '活动地域',
  '统一社会信用代码',
  '注册号',
]);
const NAME_LABEL = /^(?:企业|单位|机构|组织|社会组织|社会团体)?名称(.*)$/;
const CODE_LABEL = /统一社会信用代码|信用代码|注册号/;
/** How an organisation's name ends (a fallback when no 名称 label was read). */
const ORGANISATION_ENDING =
  /(?:公司|分公司|中心|协会|促进会|学会|研究会|商会|联合会|基金会|委员会|学校|学院|大学|医院|幼儿园|研究院|研究所|事务所|合作社|集团|商行|工作室|俱乐部|馆|店|厂|社|部|站|院|所|场)(?:（[^）]*）)?$/;
/** Values of 类型 that end like a name. */
const ENTITY_TYPES = /^(?:有限责任公司|股份有限公司|个人独资企业|合伙企业|个体工商户|农民专业合作社|事业单位|社会团体|民办非企业单位|基金会|其他组织)/;

export function compactText(text: string): string {
  return text.replace(/[\s\u3000:：]+/g, '');
}

export function isFieldLabel(compact: string): boolean {
  return FIELD_LABELS.has(compact);
}

/**
 * A name as printed: white space out (OCR puts spaces between wide-set characters),
 * brackets full-width as in official names, stray punctuation off the ends.
 */
export function cleanName(text: string): string | null {
  const name = text
    .replace(/[\s\u3000]+/g, '')
    .replace(/[(（]/g, '（')
    .replace(/[)）]/g, '）')
    .replace(/^[:：;；,，.。、·•'"“”‘’\-_|]+/, '')
    .replace(/[:：;；,，.。、·•'"“”‘’\-_|]+$/, '');
  // A name has at least two Chinese characters.
  return (name.match(/\p{Script=Han}/gu)?.length ?? 0) >= 2 ? name : null;
}

/** Median slope (radians) of the wide boxes: the page's tilt. */
function pageTilt(lines: readonly OcrLine[]): number {
  const slopes = lines
    .map(({ box: [tl, tr, , bl] }) => {
      const width = Math.hypot(tr[0] - tl[0], tr[1] - tl[1]);
      const height = Math.hypot(bl[0] - tl[0], bl[1] - tl[1]);
      return width >= 3 * height ? Math.atan2(tr[1] - tl[1], tr[0] - tl[0]) : null;
    })
    .filter((s): s is number => s !== null)
    .sort((a, b) => a - b);
  if (slopes.length === 0) return 0;
  return slopes[Math.floor(slopes.length / 2)]!;
}

function place(lines: readonly OcrLine[]): Placed[] {
  const tilt = pageTilt(lines);
  const cos = Math.cos(tilt);
  const sin = Math.sin(tilt);
  return lines
    .filter((l) => l.text.trim() !== '')
    .map((l) => {
      // Turn the page back by its tilt: every box is then level.
      const xs = l.box.map(([x, y]) => x * cos + y * sin);
      const ys = l.box.map(([x, y]) => -x * sin + y * cos);
      const top = Math.min(...ys);
      const bottom = Math.max(...ys);
      return { text: l.text, confidence: l.confidence, compact: compactText(l.text), left: Math.min(...xs), right: Math.max(...xs), top, bottom, cy: (top + bottom) / 2, h: bottom - top };
    })
    .sort((a, b) => a.top - b.top || a.left - b.left);
}

const sameRow = (a: Placed, b: Placed) => Math.abs(a.cy - b.cy) < 0.5 * Math.max(Math.min(a.h, b.h), 1);

/** Boxes to the right of `from` on its row, nearest first. */
function rightOf(all: readonly Placed[], from: Placed): Placed[] {
  return all.filter((b) => b !== from && sameRow(b, from) && b.left > from.right - 0.3 * from.h).sort((a, b) => a.left - b.left);
}

interface NameRead {
  text: string;
  confidence: number;
}

interface NameStart extends NameRead {
  left: number;
  line: Placed;
}

/** The value beside a 名称 label: inline after it, or the boxes to its right up to the next label. */
function valueBesideLabel(all: readonly Placed[], label: Placed, inline: string): NameStart | null {
  const parts: Placed[] = [];
  let edge = label.right;
  for (const box of rightOf(all, label)) {
    if (isFieldLabel(box.compact)) break;
    const gap = box.left - edge;
    // The value starts within a few characters of the label; a split value continues without a gap.
    if (gap > (parts.length === 0 && !inline ? 8 : 1.5) * label.h) break;
    parts.push(box);
    edge = box.right;
  }
  const text = inline + parts.map((p) => p.text).join('');
  if (!cleanName(text)) return null;
  const first = parts[0];
  if (!first) {
    // Value read inside the label's box: it starts after the label's characters.
    const share = (label.compact.length - inline.length) / Math.max(label.compact.length, 1);
    return { text, confidence: label.confidence, left: label.left + share * (label.right - label.left), line: label };
  }
  const confidence = Math.min(...parts.map((p) => p.confidence), ...(inline ? [label.confidence] : []));
  const line: Placed = { ...first, right: edge, text };
  return { text, confidence, left: first.left, line };
}

/** A wrapped name goes on below its first line, starting under it, with no label to its left. */
function continuation(all: readonly Placed[], start: NameStart): NameRead {
  let text = start.text;
  let confidence = start.confidence;
  let previous = start.line;
  for (let lines = 0; lines < 2; lines++) {
    const h = previous.h;
    const next = all
      .filter(
        (b) =>
          b.cy - previous.cy > 0.7 * h &&
          b.cy - previous.cy < 2.0 * h &&
          Math.abs(b.left - start.left) < 1.0 * h &&
          !isFieldLabel(b.compact) &&
          !CODE_LABEL.test(b.compact) &&
          !all.some((c) => c !== b && sameRow(c, b) && c.right < b.left && c.right > b.left - 12 * h),
      )
      .sort((a, b) => a.cy - b.cy)[0];
    if (!next) break;
    text += next.text;
    confidence = Math.min(confidence, next.confidence);
    previous = next;
  }
  return { text, confidence };
}

function labelledName(all: readonly Placed[]): NameRead | null {
  for (const box of all) {
    let label = box;
    let inline: string;
    const match = NAME_LABEL.exec(box.compact);
    if (match) {
      inline = match[1]!;
    } else if (box.compact === '名') {
      // The label's two characters set wide apart, read as two boxes (which may overlap).
      const second = all
        .filter((b) => b !== box && sameRow(b, box) && b.left > box.left + 0.3 * box.h && b.left - box.right < 4 * box.h)
        .sort((a, b) => a.left - b.left)[0];
      if (!second?.compact.startsWith('称')) continue;
      label = { ...second, left: box.left };
      inline = second.compact.slice(1);
    } else {
      continue;
    }
    // A label read together with the next label ("名称注册资本") is no value.
    if (isFieldLabel(inline)) inline = '';
    const start = valueBesideLabel(all, label, inline);
    if (!start) continue;
    const read = continuation(all, start);
    const name = cleanName(read.text);
    if (name) return { text: name, confidence: read.confidence };
  }
  return null;
}

function organisationLikeName(all: readonly Placed[]): NameRead | null {
  for (const box of all) {
    const name = cleanName(box.text);
    // A name has no digits and none of the punctuation that runs through 经营范围 or an address.
    if (!name || name.length < 4 || isFieldLabel(name) || ENTITY_TYPES.test(name) || /[\d：:、，,；;。]/.test(name)) continue;
    if (!ORGANISATION_ENDING.test(name)) continue;
    return { text: name, confidence: box.confidence };
  }
  return null;
}

function nearCodeLabel(all: readonly Placed[], box: Placed): boolean {
  if (CODE_LABEL.test(box.compact)) return true;
  return all.some(
    (label) =>
      label !== box &&
      CODE_LABEL.test(label.compact) &&
      ((sameRow(label, box) && box.left > label.left) || (box.cy > label.cy && box.cy - label.cy < 2.5 * label.h && Math.abs(box.left - label.left) < 3 * label.h)),
  );
}

function rankedCodes(all: readonly Placed[], qrText: string | null): string[] {
  const qrCodes = new Set(qrText ? codesIn(qrText).map((c) => c.code) : []);
  const scored = new Map<string, number>();
  const consider = (text: string, box: Placed) => {
    for (const candidate of codesIn(text)) {
      const score = codeScore(candidate, nearCodeLabel(all, box), qrCodes.has(candidate.code));
      scored.set(candidate.code, Math.max(score, scored.get(candidate.code) ?? -1));
    }
  };
  for (const box of all) {
    consider(box.text, box);
    // A code split into two boxes by its letter spacing.
    const next = rightOf(all, box)[0];
    if (next && next.left - box.right < box.h) consider(box.text + next.text, box);
  }
  return [...scored.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
}

/** Beside its label beats elsewhere; the QR code agreeing beats both; an 18-character code beats a 15-digit one. */
function codeScore(candidate: CodeCandidate, besideLabel: boolean, inQr: boolean): number {
  return (inQr ? 4 : 0) + (besideLabel ? 2 : 0) + (candidate.kind === 'uscc' ? 1 : 0);
}

/**
 * 名称 and the code from the text boxes of one reading. `qrText` (what the licence's QR
 * code says, if it was read) only breaks ties between codes read by OCR: a code is
 * never taken from the QR code alone.
 */
export function extractLicenceFields(lines: readonly OcrLine[], qrText: string | null = null): ExtractedFields {
  const all = place(lines);
  const codes = rankedCodes(all, qrText);
  const labelled = labelledName(all);
  const name = labelled ?? organisationLikeName(all);
  return {
    name: name?.text ?? null,
    nameFrom: labelled ? 'label' : name ? 'pattern' : null,
    nameConfidence: name?.confidence ?? null,
    code: codes[0] ?? null,
    codes,
  };
}
