import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Three projects: `node` runs main/ and shared/ under plain Node (real keychain, real emulator, no Electron);
// `renderer` runs React components in jsdom; `e2e` drives the built renderer in Debian's headless Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'test/main/**/*.test.ts',
            'test/shared/**/*.test.ts',
            'test/cli/**/*.test.ts',
            'test/scripts/**/*.test.ts',
          ],
          benchmark: { include: ['test/bench/**/*.bench.ts'] },
          testTimeout: 20_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.tsx', 'test/renderer/**/*.test.ts'],
          setupFiles: ['test/renderer/setup.ts'],
          css: false,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
