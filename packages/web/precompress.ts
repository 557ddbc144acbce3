// A small Vite plugin (issue 15, item 7): after the build, write `<file>.br` (brotli, quality 11)
// and `<file>.gz` (gzip -9) beside every compressible output file, so the server sends them with
// @fastify/static's `preCompressed` instead of 949 kB of plain JavaScript, at no CPU cost per request.
// node:zlib only; files that would not shrink are left alone (the server sends the plain file).
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { Plugin } from "vite";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const compressible = /\.(js|mjs|css|html|svg|json|txt|xml|map|wasm|ttf|otf)$/i;
/** Below this a compressed copy saves less than its headers cost. */
const minBytes = 1024;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

export async function precompressDir(dir: string): Promise<{ files: number; bytes: number; brotliBytes: number }> {
  const files = walk(dir).filter((f) => compressible.test(f));
  let bytes = 0;
  let brotliBytes = 0;
  let written = 0;
  await Promise.all(
    files.map(async (file) => {
      const data = await fs.promises.readFile(file);
      if (data.length < minBytes) return;
      const [br, gz] = await Promise.all([
        brotli(data, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            [zlib.constants.BROTLI_PARAM_MODE]: /\.(ttf|otf)$/i.test(file) ? zlib.constants.BROTLI_MODE_FONT : zlib.constants.BROTLI_MODE_TEXT,
          },
        }),
        gzip(data, { level: 9 }),
      ]);
      bytes += data.length;
      if (br.length < data.length) {
        await fs.promises.writeFile(`${file}.br`, br);
        brotliBytes += br.length;
        written++;
      } else {
        brotliBytes += data.length;
      }
      if (gz.length < data.length) await fs.promises.writeFile(`${file}.gz`, gz);
    }),
  );
  return { files: written, bytes, brotliBytes };
}

export default function precompress(): Plugin {
  let outDir = "dist";
  let log: (msg: string) => void = () => undefined;
  return {
    name: "kuanyan-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      log = (msg) => config.logger.info(msg);
    },
    async closeBundle() {
      const r = await precompressDir(outDir);
      log(`precompressed ${r.files} files: ${(r.bytes / 1024).toFixed(0)} kB → ${(r.brotliBytes / 1024).toFixed(0)} kB (brotli)`);
    },
  };
}
