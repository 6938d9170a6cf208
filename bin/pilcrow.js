#!/usr/bin/env node
// The CLI is built with the app (`npm run build`) into out/main/cli.js.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('pilcrow: the CLI is not built yet; run `npm run build` in the Pilcrow folder first\n');
  process.exit(1);
}
const { main } = await import(built);
await main();
