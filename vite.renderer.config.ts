import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: a plain browser bundle, no Node, no Electron. Loaded from app://innsender/ in the app and from a
// loopback server in the real-browser tests.
export default defineConfig({
  root: 'renderer',
  base: '/',
  publicDir: '../assets/web',
  plugins: [react()],
  build: {
    // INNSENDER_RENDERER_OUT lets parallel test runs on one checkout build their own copy.
    outDir: process.env.INNSENDER_RENDERER_OUT ?? '../out/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    reportCompressedSize: true,
  },
});
