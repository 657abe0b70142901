#!/usr/bin/env node
// The `innsender` command: runs the built CLI (npm run build), the same main-process services as the app.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/cli/index.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('innsender: not built yet. Run `npm run build` first (or `npm run cli -- …` in a checkout).\n');
  process.exit(3);
}
await import(cli);
