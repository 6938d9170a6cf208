// `npm run package:check` (part of `npm test`): packages the app with electron-builder as the
// installers do (`--dir`, Linux x64, electron-builder.yml), with a STAND-IN in place of
// Electron's binary, then checks what came out:
//   1. the real app.asar, read with @electron/asar (scripts/package-check/inspect.mjs);
//   2. the packaged main bundle loaded in Node with a recording stand-in for `electron`
//      (scripts/package-check/wiring.mjs): a check of our wiring, not a run of Electron.
// `--keep` leaves the work folder (the unpacked app, the extracted archive) for a look.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import asar from '@electron/asar';
import builder from 'electron-builder';
import { openAsar } from './package-check/asar-view.mjs';
import { inspectPackage, mb } from './package-check/inspect.mjs';
import { STAND_IN_NOTICE, makeStandInElectronDist, readFuses } from './package-check/stand-in-electron-dist.mjs';
import { checkVersionRun, checkWiring, runWiring } from './package-check/wiring.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** app.asar plus app.asar.unpacked: 11.1 MB when this was set (Dec 2026); a new dependency that doubles it should be a decision. */
const BUDGET_BYTES = 14_000_000;
/** What the reliability guide requires of the shipped binary's fuses ('0' off, '1' on). */
const REQUIRED_FUSES = { RunAsNode: '0', EnableNodeOptionsEnvironmentVariable: '0', EnableNodeCliInspectArguments: '0', EnableEmbeddedAsarIntegrityValidation: '1', OnlyLoadAppFromAsar: '1' };

const started = Date.now();
const say = (line) => console.log(`package:check: ${line}`);
const seconds = (from) => `${((Date.now() - from) / 1000).toFixed(1)} s`;
const failures = [];
const report = (lines) => {
  for (const [ok, what] of lines) {
    console.log(`  ${ok ? '✓' : '✗'} ${what}`);
    if (!ok) failures.push(what);
  }
};

ensureBuild();
const work = mkdtempSync(join(tmpdir(), 'pilcrow-package-check-'));
try {
  // 1. Package, as `electron-builder --linux dir` would, around the stand-in.
  const standIn = makeStandInElectronDist(join(work, 'electron-stand-in'));
  say(`packaging with electron-builder around a STAND-IN for Electron's binary (${standIn}): Electron cannot be downloaded here, so the executable in this package is a shell script, not Electron. Everything else is electron-builder's real output from electron-builder.yml.`);
  const packagingStarted = Date.now();
  const { build, Platform, Arch } = builder;
  await build({
    projectDir: ROOT,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: { electronDist: dirname(standIn), directories: { output: join(work, 'dist') } },
  });
  const appOutDir = join(work, 'dist', 'linux-unpacked');
  const asarPath = join(appOutDir, 'resources', 'app.asar');
  say(`electron-builder packaged ${appOutDir} in ${seconds(packagingStarted)}`);

  // The fuses electron-builder flipped, on the stand-in's copy of Electron's fuse wire.
  const executable = readFileSync(join(appOutDir, 'pilcrow'));
  const fuses = readFuses(executable);
  report([
    [executable.includes(Buffer.from(STAND_IN_NOTICE.slice(0, 40))), 'the executable is the stand-in (a real package has Electron here)'],
    [fuses && Object.entries(REQUIRED_FUSES).every(([name, state]) => fuses[name] === state), `electronFuses flipped the fuse wire as the reliability guide requires: ${fuses ? Object.entries(REQUIRED_FUSES).map(([name, state]) => `${name} ${fuses[name] === '1' ? 'on' : 'off'}${fuses[name] === state ? '' : ' (WRONG)'}`).join(', ') : 'no fuse wire found'}`],
  ]);

  // 2. The archive itself.
  const view = openAsar(asarPath);
  const { problems, facts } = inspectPackage({ view, projectDir: ROOT, budgetBytes: BUDGET_BYTES });
  say(`app.asar, read with @electron/asar (${facts.bytes.files} files):`);
  report([
    [true, `size ${mb(facts.bytes.total)} (app.asar ${mb(facts.bytes.packed)} + app.asar.unpacked ${mb(facts.bytes.unpacked)}), budget ${mb(facts.bytes.budget)}; largest packages: ${(facts.largest ?? []).map((p) => `${p.name} ${mb(p.bytes)}`).join(', ')}`],
    [true, `entries: main ${facts.main}, preload ${(facts.preloads ?? []).join(', ')}, worker ${(facts.workers ?? []).join(', ') || 'none'}, renderer ${(facts.renderer ?? []).join(', ')}/index.html with ${facts.rendererAssets ?? 0} assets and ${facts.fonts ?? 0} font files`],
    [true, `modules: ${facts.modulesReached} files reached from main, preload and workers, through ${facts.packagesLoaded} of the ${facts.packages} packages inside; each import resolved inside the package`],
    [true, `resources, unpacked beside the archive: ${Object.entries(facts.resources ?? {}).map(([k, n]) => `${k} (${n})`).join(', ')}`],
    ...problems.map((p) => [false, p]),
  ]);
  if (!problems.length) report([[true, 'only the production dependencies: no devDependency, no tests, no source maps, no sources at the top']]);

  // 3. The wiring, on the archive's contents extracted next to it.
  const extracted = join(work, 'extracted');
  asar.extractAll(asarPath, extracted);
  say("the packaged main loaded in Node with a recording stand-in for the `electron` module — a check of our wiring, not a run of Electron:");
  const wiringStarted = Date.now();
  const run = runWiring({ extractedDir: extracted, asarPath, version: facts.version, workDir: join(work, 'start') });
  report(checkWiring(run, { view, extractedDir: extracted, version: facts.version }));
  const versionRun = runWiring({ extractedDir: extracted, asarPath, version: facts.version, workDir: join(work, 'version'), args: ['--version'] });
  report(checkVersionRun(versionRun, facts.version));
  say(`wiring checked in ${seconds(wiringStarted)}`);
} finally {
  if (process.argv.includes('--keep')) say(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`package:check: FAILED (${failures.length}) in ${seconds(started)}:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
say(`passed in ${seconds(started)}. Not verified here: the real Electron binary, the installers (AppImage, .deb, .dmg, NSIS), signing — those are built on CI runners (.github/workflows/release.yml).`);

/** Builds out/ when it is missing or older than the sources, so the package holds the current code. */
function ensureBuild() {
  const built = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((f) => join(ROOT, f));
  const times = (dir) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => statSync(join(e.parentPath, e.name)).mtimeMs);
  const complete = built.every((f) => existsSync(f));
  const stale = complete && Math.max(...['src-main', 'src-renderer'].flatMap((d) => times(join(ROOT, d)))) > Math.min(...built.map((f) => statSync(f).mtimeMs));
  if (complete && !stale) return;
  say(`out/ is ${complete ? 'older than the sources' : 'incomplete'}; building with electron-vite…`);
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, PILCROW_OUT: 'out' }, shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('package:check: FAILED: electron-vite build failed');
    process.exit(1);
  }
}
