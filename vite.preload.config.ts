import { defineConfig } from 'vite';

// A sandboxed preload cannot load ESM or more than one file: one CommonJS file, only `electron` left external.
export default defineConfig({
  build: {
    outDir: 'out/preload',
    emptyOutDir: true,
    target: 'chrome130',
    minify: false,
    lib: { entry: 'preload/index.ts', formats: ['cjs'], fileName: () => 'index.cjs' },
    rolldownOptions: { external: ['electron'] },
  },
});
