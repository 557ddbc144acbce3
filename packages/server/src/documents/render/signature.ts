/**
 * A signature drawn on screen arrives as the whole pad: a wide transparent canvas with the strokes
 * somewhere in it. Printed as is, the strokes come out small and off their line. `trimSignature`
 * cuts the image to its strokes (plus a small border) so the renderer can size the ink itself.
 * Only 8-bit RGBA, non-interlaced PNG (what a browser canvas and sample-images.ts produce) is
 * trimmed; anything else is returned unchanged.
 */
import { inflateSync } from "node:zlib";
import { encodePng } from "./sample-images";

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes an 8-bit RGBA non-interlaced PNG; undefined for any other kind. */
export function decodeRgbaPng(png: Buffer): { width: number; height: number; rgba: Uint8Array } | undefined {
  let pos = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (pos + 8 <= png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString("latin1", pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 6 || data[12] !== 0) return undefined;
    } else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    pos += 12 + len;
  }
  if (!width || !height || idat.length === 0) return undefined;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  if (raw.length < (stride + 1) * height) return undefined;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= 4 ? out[y * stride + i - 4] : 0;
      const b = y > 0 ? out[(y - 1) * stride + i] : 0;
      const c = i >= 4 && y > 0 ? out[(y - 1) * stride + i - 4] : 0;
      const x = line[i];
      let v: number;
      switch (filter) {
        case 0:
          v = x;
          break;
        case 1:
          v = x + a;
          break;
        case 2:
          v = x + b;
          break;
        case 3:
          v = x + ((a + b) >> 1);
          break;
        case 4:
          v = x + paeth(a, b, c);
          break;
        default:
          return undefined;
      }
      out[y * stride + i] = v & 0xff;
    }
  }
  return { width, height, rgba: out };
}

/** The signature cut to its strokes with a border of `pad` pixels; unchanged when it cannot be read or is blank. */
export function trimSignature(png: Buffer, pad = 4): Buffer {
  const img = decodeRgbaPng(png);
  if (!img) return png;
  const { width, height, rgba } = img;
  let x0 = width,
    y0 = height,
    x1 = -1,
    y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (rgba[(y * width + x) * 4 + 3] < 16) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < 0) return png;
  x0 = Math.max(0, x0 - pad);
  y0 = Math.max(0, y0 - pad);
  x1 = Math.min(width - 1, x1 + pad);
  y1 = Math.min(height - 1, y1 + pad);
  if (x0 === 0 && y0 === 0 && x1 === width - 1 && y1 === height - 1) return png;
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const out = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) out.set(rgba.subarray(((y0 + y) * width + x0) * 4, ((y0 + y) * width + x1 + 1) * 4), y * w * 4);
  return encodePng(w, h, out);
}
