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
 *
 * The library's modules are loaded at run time from where `@gutenye/ocr-node` is
 * installed (next.config.js keeps it, its models and onnxruntime out of the bundle):
 * nothing of it is loaded until the first recognition.
 */

type Box = number[][];
interface LineImage {
  image: unknown;
  box: Box;
}
interface EngineLine {
  text: string;
  mean: number;
}
interface Tensor {
  data: Float32Array;
  dims: readonly number[];
}
interface Engine {
  detection: { runModel(input: { modelData: ReturnType<typeof imageToInput> }): Promise<Tensor> };
  recognition: { run(lineImages: LineImage[]): Promise<EngineLine[]> };
  /** The library's image class (pixels in, crops and resizes with sharp). */
  image(pixels: RgbaImage): object;
  splitIntoLineImages(mask: object, source: object): Promise<LineImage[]>;
}

let engine: Promise<Engine> | undefined;

/** The detector's input: the long side at most this (the library's own default is the whole image). */
const DETECTION_SIDE = 960;
/** A detector pixel above this probability is text (the library's value). */
const MASK_THRESHOLD = 0.03;

// Loaded by Node itself, outside any bundler: the library's files and their package paths stay intact.
const nativeImport = (file: string): Promise<Record<string, unknown>> => import(/* webpackIgnore: true */ /* turbopackIgnore: true */ pathToFileURL(file).href);

async function createEngine(): Promise<Engine> {
  const fromRoot = createRequire(path.join(process.cwd(), 'package.json'));
  const entry = fromRoot.resolve('@gutenye/ocr-node');
  const fromOcrNode = createRequire(entry);
  // The library's entry registers its Node backend (image class, model files, onnxruntime).
  await nativeImport(entry);
  const { ImageRaw } = (await nativeImport(path.join(path.dirname(entry), 'ImageRaw.js'))) as { ImageRaw: ImageRawClass };
  const modelsDir = path.join(path.dirname(fromOcrNode.resolve('@gutenye/ocr-common')), 'models');
  const { ModelBase } = (await nativeImport(path.join(modelsDir, 'ModelBase.js'))) as { ModelBase: { prototype: { imageToInput: unknown } } };
  ModelBase.prototype.imageToInput = imageToInput;
  const { Detection, Recognition } = (await nativeImport(path.join(modelsDir, 'index.js'))) as {
    Detection: { create(options: object): Promise<Engine['detection']> };
    Recognition: { create(options: object): Promise<Engine['recognition']> };
  };
  const { splitIntoLineImages } = (await nativeImport(fromOcrNode.resolve('@gutenye/ocr-common/splitIntoLineImages'))) as Pick<Engine, 'splitIntoLineImages'>;
  const options = { onnxOptions: { graphOptimizationLevel: 'all', intraOpNumThreads: 1, interOpNumThreads: 1 } };
  const [detection, recognition] = await Promise.all([Detection.create(options), Recognition.create(options)]);
  return { detection, recognition, image: (pixels) => new ImageRaw(pixels), splitIntoLineImages };
}

interface ImageRawClass {
  new (data: RgbaImage): object;
}

/**
 * The library's conversion of RGBA pixels into the models' input (planes B, G, R of
 * value/255, then (v − mean) / std), written with one typed array: the library's own
 * builds three arrays element by element and spreads them, ~1 s of a recognition.
 * Same numbers, same order.
 */
function imageToInput(image: RgbaImage, { mean = [0, 0, 0], std = [1, 1, 1] }: { mean?: number[]; std?: number[] } = {}) {
  const pixels = image.width * image.height;
  const out = new Float32Array(3 * pixels);
  const d = image.data;
  const [mr, mg, mb] = mean as [number, number, number];
  const [sr, sg, sb] = std as [number, number, number];
  for (let p = 0, i = 0; p < pixels; p++, i += 4) {
    out[p] = (d[i + 2]! / 255 - mb) / sb;
    out[pixels + p] = (d[i + 1]! / 255 - mg) / sg;
    out[2 * pixels + p] = (d[i]! / 255 - mr) / sr;
  }
  return { data: out, width: image.width, height: image.height };
}

/** Detector output (probability per pixel) → the black-and-white mask the line splitter reads. */
function mask(output: Tensor): RgbaImage {
  const [, , height = 0, width = 0] = output.dims;
  const data = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const value = output.data[p]! > MASK_THRESHOLD ? 255 : 0;
    data[4 * p] = value;
    data[4 * p + 1] = value;
    data[4 * p + 2] = value;
    data[4 * p + 3] = 255;
  }
  return { data, width, height };
}

/**
 * Reads the text boxes of an image, top down (left to right among boxes at one height).
 * `enough` is asked after each box with the boxes read so far; once it answers true the
 * rest are not read. Boxes are in the image's own pixels (detection runs on a copy scaled
 * to its grid). Boxes the engine is unsure of (mean confidence < 0.5) are left out.
 */
export async function readText(image: RgbaImage, enough?: (lines: readonly OcrLine[]) => boolean): Promise<OcrLine[]> {
  engine ??= createEngine().catch((error: unknown) => {
    engine = undefined; // a later call may try again
    throw error;
  });
  const ocr = await engine;
  // Boxes are found on a smaller copy (text stays several pixels high) and cut from the full image.
  const small = await scaleToGrid(image, DETECTION_SIDE);
  const probabilities = await ocr.detection.runModel({ modelData: imageToInput(small) });
  const found = await ocr.splitIntoLineImages(ocr.image(mask(probabilities)), ocr.image(image));
  const boxes = found.filter((l) => l.box.length === 4).sort((a, b) => top(a.box) - top(b.box) || left(a.box) - left(b.box));
  const out: OcrLine[] = [];
  for (const lineImage of boxes) {
    const [line] = await ocr.recognition.run([lineImage]);
    if (!line?.text) continue;
    const corner = (i: number): Point => [Number(lineImage.box[i]![0]), Number(lineImage.box[i]![1])];
    out.push({ text: line.text, confidence: line.mean, box: [corner(0), corner(1), corner(2), corner(3)] });
    if (enough?.(out)) break;
  }
  return out;
}

const top = (box: Box) => Math.min(...box.map((p) => Number(p[1])));
const left = (box: Box) => Math.min(...box.map((p) => Number(p[0])));
