import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/**
 * Open-licensed CJK fonts shipped with the product (npm package @expo-google-fonts/noto-serif-sc,
 * SIL Open Font License 1.1; the licence is at docs/licences/NotoSerifSC-OFL.txt).
 * PDFs embed (subset) these, so they render the same on a machine without Chinese fonts.
 */
function fontFile(weightDir: string, file: string): string {
  const pkgJson = require.resolve("@expo-google-fonts/noto-serif-sc/package.json");
  return path.join(path.dirname(pkgJson), weightDir, file);
}

export const fonts = {
  /** Body text (仿宋-style substitute). */
  serifRegular: fontFile("400Regular", "NotoSerifSC_400Regular.ttf"),
  /** Titles (小标宋-style substitute). */
  serifBold: fontFile("700Bold", "NotoSerifSC_700Bold.ttf"),
};
