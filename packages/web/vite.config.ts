import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import precompress from "./precompress";

// `npx vite` (dev) forwards /api to a running Kuanyan server: KUANYAN_API=http://127.0.0.1:3000 by default.
const api = process.env.KUANYAN_API ?? "http://127.0.0.1:3000";

export default defineConfig({
  // precompress: .br and .gz beside each output file, served by the server as they are.
  plugins: [react(), precompress()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { "/api": { target: api, changeOrigin: false } },
  },
  preview: {
    proxy: { "/api": { target: api, changeOrigin: false } },
  },
});
