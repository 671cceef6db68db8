/** A point in image pixels: x to the right, y down. */
export type Point = readonly [x: number, y: number];

/**
 * One text box the engine read: its four corners clockwise from the top left of the
 * text (as read), the text, and the engine's mean confidence (0–1).
 */
export interface OcrLine {
  text: string;
  confidence: number;
  box: readonly [Point, Point, Point, Point];
}

/** Decoded pixels: RGBA, 4 bytes a pixel, rows top to bottom. */
export interface RgbaImage {
  data: Uint8Array;
  width: number;
  height: number;
}
