/**
 * Small PNG images drawn in code, for tests, the benchmark and the demo: a red round seal and a
 * handwritten-looking signature. (Real seals and signatures are uploaded or signed on screen.)
 */
import { crc32, deflateSync } from "node:zlib";

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels (width × height × 4 bytes) as PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A red ring with a five-pointed star, transparent elsewhere: a stand-in for an organisation's seal. */
export function sampleSealPng(size = 240): Buffer {
  const px = new Uint8Array(size * size * 4);
  const c = size / 2;
  const star = (x: number, y: number) => {
    // Point-in-star test by polygon winding over the 10 vertices.
    const pts: [number, number][] = [];
    for (let i = 0; i < 10; i++) {
      const r = i % 2 === 0 ? size * 0.2 : size * 0.08;
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      pts.push([c + r * Math.cos(a), c + r * Math.sin(a)]);
    }
    let inside = false;
    for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
      const [xi, yi] = pts[i];
      const [xj, yj] = pts[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x + 0.5 - c, y + 0.5 - c);
      const on = (d <= c - 2 && d >= c - size * 0.06) || star(x + 0.5, y + 0.5);
      if (on) px.set([200, 16, 16, 210], (y * size + x) * 4);
    }
  }
  return encodePng(size, size, px);
}

/** A blue scribble on transparent ground: a stand-in for a signature signed on a phone. */
export function sampleSignaturePng(width = 300, height = 100): Buffer {
  const px = new Uint8Array(width * height * 4);
  const plot = (x: number, y: number) => {
    for (let dy = -2; dy <= 2; dy++)
      for (let dx = -2; dx <= 2; dx++) {
        const xx = Math.round(x + dx);
        const yy = Math.round(y + dy);
        if (xx >= 0 && yy >= 0 && xx < width && yy < height && dx * dx + dy * dy <= 4) px.set([20, 40, 140, 255], (yy * width + xx) * 4);
      }
  };
  for (let t = 0; t < 1; t += 0.0005) {
    const x = 15 + t * (width - 30);
    const y = height / 2 + Math.sin(t * 22) * height * 0.3 * (1 - t * 0.5) + Math.cos(t * 7) * 6;
    plot(x, y);
  }
  return encodePng(width, height, px);
}
