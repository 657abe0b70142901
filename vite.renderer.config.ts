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
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    reportCompressedSize: true,
  },
});
