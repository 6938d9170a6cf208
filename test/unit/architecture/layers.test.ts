/**
 * The architecture's rules, probed the way a newcomer would break them (docs/architecture.md):
 * a file importing from a layer above its own fails lint, and core/ or shared/ code using a DOM or
 * Node global fails the type check of its layer.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });

async function lintAs(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer order in lint', () => {
  it.each([
    ['src-main/core/probe.ts', "import { Session } from '../node/app/session';\nexport const probe = Session;\n"],
    ['src-main/core/suggest/probe.ts', "import { main } from '../../cli/pilcrow';\nexport const probe = main;\n"],
    ['src-main/shared/probe.ts', "import { probe as p } from '../electron/ipc';\nexport const probe = p;\n"],
    ['src-main/node/probe.ts', "import { main } from '../cli/pilcrow';\nexport const probe = main;\n"],
    ['src-main/cli/probe.ts', "import { probe as p } from '../electron/main';\nexport const probe = p;\n"],
    ['src-main/preload/probe.ts', "import { Session } from '../node/app/session';\nexport const probe = Session;\n"],
  ])('refuses an import upwards from %s', async (path, code) => {
    const messages = await lintAs(path, code);
    expect(messages.join('\n')).toMatch(/Layers import downwards only/);
  });

  it('lets a layer import the layers below it', async () => {
    expect(await lintAs('src-main/node/probe.ts', "import { segment } from '../core/segment';\nexport const probe = segment;\n")).toEqual([]);
    expect(await lintAs('src-main/cli/probe.ts', "import { Session } from '../node/app/session';\nexport const probe = Session;\n")).toEqual([]);
  });
});

describe('per-layer type environments', () => {
  function typeErrors(layerConfig: string, code: string): string[] {
    const configPath = resolve(ROOT, layerConfig, 'tsconfig.json');
    const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    if (!parsed) throw new Error(`cannot read ${configPath}`);
    const probe = resolve(ROOT, layerConfig, 'probe-globals.ts');
    const host = ts.createCompilerHost(parsed.options);
    const readFile = host.readFile.bind(host);
    host.readFile = (file) => (resolve(file) === probe ? code : readFile(file));
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (file) => resolve(file) === probe || fileExists(file);
    const program = ts.createProgram([probe, ...parsed.fileNames.filter((f) => f.endsWith('.d.ts'))], parsed.options, host);
    return ts.getPreEmitDiagnostics(program, program.getSourceFile(probe)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }

  it.each(['src-main/core', 'src-main/shared'])('%s can use neither the DOM nor Node', (layer) => {
    const errors = typeErrors(layer, 'export const a = document.title;\nexport const b = Buffer.from("x");\nexport const c = process.cwd();\n');
    expect(errors.join('\n')).toMatch(/Cannot find name 'document'/);
    expect(errors.join('\n')).toMatch(/Cannot find name 'Buffer'/);
    expect(errors.join('\n')).toMatch(/Cannot find name 'process'/);
  });

  it('src-main/core still has the globals every runtime shares', () => {
    expect(typeErrors('src-main/core', 'export const copy = structuredClone({ a: 1 });\nexport const n = Math.max(1, 2);\n')).toEqual([]);
  });

  it('src-main can use Node but not the DOM', () => {
    const errors = typeErrors('src-main', 'export const a = document.title;\nexport const b = Buffer.from("x");\n');
    expect(errors.join('\n')).toMatch(/Cannot find name 'document'/);
    expect(errors.join('\n')).not.toMatch(/Buffer/);
  });
});
