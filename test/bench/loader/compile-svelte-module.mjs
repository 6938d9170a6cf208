// A `.svelte.ts` module (the renderer's state classes, written with runes) compiled for Node the
// way the app's build compiles it for the browser: TypeScript stripped, then Svelte's
// compileModule with the client runtime. The keystroke eval (npm run eval:keys) and the unit
// tests drive the renderer's real state classes with it, not a copy of their logic.
import { compileModule } from 'svelte/compiler';
import ts from 'typescript';

export const SVELTE_MODULE = /\.svelte\.ts$/;

export function compileSvelteModule(source, filename) {
  const js = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, useDefineForClassFields: true, sourceMap: false },
  }).outputText;
  return compileModule(js, { generate: 'client', dev: false, filename }).js.code;
}
