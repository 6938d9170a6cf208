// `npm run security`: Doyensec Electronegativity over the BUILT app (out/main, out/preload,
// out/renderer; PILCROW_OUT names another build folder), failing on any finding that is not in
// the allow-list below.
//
// Electronegativity always exits 0 and fails open in three quiet ways, so this gate:
// - stages the build in a temp folder and renames *.cjs/*.mjs to *.js: version 1.10.3 only reads
//   .js/.jsx/.ts/.tsx/.html/.htm, so the sandboxed preload (out/preload/index.cjs) would be skipped;
// - lowers files that use ES2022 class syntax (#private members, static blocks) to ES2021 with
//   TypeScript: its scope analysis stops at them ("Unknown node type ClassPrivateProperty") and
//   the whole file goes unscanned (today: the renderer bundle and main's workspace chunk);
// - runs its documented programmatic entry (`require('@doyensec/electronegativity')`, the same
//   `run()` the CLI calls) in a child process with a timeout, because only that entry returns the
//   files it could not parse (the CLI with -o drops them silently);
// - keeps it offline: AvailableSecurityFixesGlobalCheck is excluded (the CLI's
//   `-x AvailableSecurityFixesGlobalCheck`) and `got` is stubbed, which also skips the translation
//   download every run otherwise attempts.
// Equivalent CLI: electronegativity -i <staged> -x AvailableSecurityFixesGlobalCheck -e <electron> -r -o <file>.sarif
// It fails when: the scan crashes, times out, writes no SARIF, cannot parse a file, or reports a
// finding the allow-list does not cover with a passing proof.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = resolve(ROOT, process.env.PILCROW_OUT ?? 'out');
const OUT = relative(ROOT, OUT_DIR) || '.';
const BUILT = ['main', 'preload', 'renderer'];
const SCANNED = /\.(js|jsx|ts|tsx|html|htm)$/i;
const PINNED = '1.10.3'; // the staging and the programmatic call rely on this version's behaviour
const TIMEOUT_MS = 120_000;
const requireFromTool = createRequire(createRequire(import.meta.url).resolve('@doyensec/electronegativity/package.json'));

// ---------------------------------------------------------------------------------------------
// Allow-list: each entry names the check, the file (inside the build folder, or package.json), a
// one-line reason, and a proof run on the built code. A finding is allowed only when its proof passes.
// ---------------------------------------------------------------------------------------------
const ALLOW = [
  {
    check: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'main/index.js',
    reason: 'webPreferences come from secureWebPreferences(), which the static check cannot follow; it returns contextIsolation: true (proven here, unit-tested in window-options.test.ts)',
    proof: (finding) => factoryWindowSets(finding, 'contextIsolation', true),
  },
  {
    check: 'SANDBOX_JS_CHECK',
    file: 'main/index.js',
    reason: 'webPreferences come from secureWebPreferences(), which the static check cannot follow; it returns sandbox: true (proven here, unit-tested in window-options.test.ts)',
    proof: (finding) => factoryWindowSets(finding, 'sandbox', true),
  },
  {
    check: 'AUXCLICK_JS_CHECK',
    file: 'main/index.js',
    reason: 'a middle-click can only open a window through setWindowOpenHandler, and every handler in the main bundle returns { action: "deny" }',
    proof: (finding) => factoryWindowSets(finding, null, null) ?? allWindowOpenHandlersDeny(finding.abs),
  },
  {
    check: 'CSP_GLOBAL_CHECK',
    file: 'renderer/index.html',
    reason: "csp-evaluator's only remark is that script-src 'self' is risky when the origin hosts JSONP/Angular/user uploads; app://pilcrow serves only the built renderer folder",
    proof: (finding) => cspOnlySelfRemark(finding.abs),
  },
  {
    check: 'ELECTRON_VERSION_JSON_CHECK',
    file: 'package.json',
    reason: 'informational: records the Electron version; the check that compares it with security releases needs the network and is excluded',
    proof: (finding) => (finding.severity === 'INFORMATIONAL' ? null : `severity is ${finding.severity}, not INFORMATIONAL`),
  },
];

// ---------------------------------------------------------------------------------------------
function main() {
  const started = Date.now();
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const tool = requireFromTool('./package.json');
  if (tool.version !== PINNED) return fail(`@doyensec/electronegativity is ${tool.version}, this gate was written for ${PINNED}: re-check the staging and the run() options, then update PINNED`);
  const electron = String(pkg.devDependencies?.electron ?? '').replace(/^[\^~]/, '');
  if (!/^\d+\.\d+\.\d+$/.test(electron)) return fail(`cannot tell the Electron version from package.json (devDependencies.electron = ${JSON.stringify(electron)})`);

  if (BUILT.some((d) => !existsSync(join(OUT_DIR, d)))) {
    console.log(`security: ${OUT}/ is incomplete, building with electron-vite…`);
    const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) return fail('electron-vite build failed');
  }

  const newestSource = newest(['src-main', 'src-renderer'].map((d) => join(ROOT, d)));
  const oldestBuild = oldest(BUILT.map((d) => join(OUT_DIR, d)));
  if (newestSource > oldestBuild) console.log(`security: warning: ${OUT}/ is older than the sources; run \`npm run build\` first to scan the current code`);

  const work = mkdtempSync(join(tmpdir(), 'pilcrow-security-'));
  try {
    const { staged, origin, lowerings } = stage(work);
    if (lowerings.size) console.log(`security: lowered to ES2021 before scanning (lines below refer to the lowered copy): ${[...lowerings].join(', ')}`);
    const sarifPath = join(work, 'electronegativity.sarif');
    const summaryPath = join(work, 'summary.json');
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--scan', staged, sarifPath, summaryPath, electron], { cwd: ROOT, encoding: 'utf8', timeout: TIMEOUT_MS });
    if (child.error || child.status !== 0) {
      const why = child.error?.code === 'ETIMEDOUT' ? `timed out after ${TIMEOUT_MS / 1000} s` : `exited with ${child.status ?? child.signal}`;
      return fail(`electronegativity ${why}\n${child.stderr || child.stdout}`.trim());
    }
    if (!existsSync(sarifPath)) return fail('electronegativity wrote no SARIF file');
    if (!existsSync(summaryPath)) return fail('electronegativity returned no result');
    let sarif;
    try {
      sarif = JSON.parse(readFileSync(sarifPath, 'utf8'));
    } catch (e) {
      return fail(`the SARIF file is not valid JSON: ${e.message}`);
    }
    const summary = JSON.parse(readFileSync(summaryPath, 'utf8'));
    const run = sarif?.runs?.[0];
    if (!Array.isArray(run?.results) || run.invocations?.[0]?.executionSuccessful !== true) return fail('the SARIF file has no successful run');
    if (summary.atomicChecks < 30 || summary.globalChecks < 5) return fail(`only ${summary.atomicChecks} atomic and ${summary.globalChecks} global checks loaded`);
    if (run.results.length !== summary.issues.length) return fail(`the SARIF file holds ${run.results.length} results but the run reported ${summary.issues.length}`);
    if (summary.blockedRequests.length) console.log(`security: blocked ${summary.blockedRequests.length} network request(s): ${summary.blockedRequests.join(', ')}`);

    const findings = run.results.map((r) => {
      const loc = r.locations?.[0]?.physicalLocation;
      const stagedRel = loc?.artifactLocation?.uri ?? 'N/A';
      const { key, shown } = origin.get(stagedRel) ?? { key: stagedRel, shown: stagedRel };
      const line = loc?.region?.startLine ?? 0;
      const column = loc?.region?.startColumn ?? 0;
      const detail = summary.issues.find((i) => i.id === r.ruleId && i.file === stagedRel && i.line === line);
      return { check: r.ruleId, file: key, shown, abs: join(staged, stagedRel), line, column, severity: detail?.severity ?? r.level, confidence: detail?.confidence ?? '', message: r.message?.text ?? '' };
    });

    const problems = summary.errors.map((e) => `could not scan ${origin.get(e.file)?.shown ?? e.file}: ${e.message}`);
    const rows = findings.map((f) => {
      const entry = ALLOW.find((a) => a.check === f.check && a.file === f.file);
      const failed = entry ? entry.proof(f) : 'not in the allow-list';
      const status = failed ? 'FAIL' : 'allowed';
      if (failed) problems.push(`${f.check} at ${f.shown}:${f.line}: ${f.message}${entry ? ` (allow-list proof failed: ${failed})` : ''}`);
      return [status, f.check, `${f.severity}/${f.confidence}`, `${f.shown}:${f.line}:${f.column}`, entry && !failed ? entry.reason : f.message];
    });
    for (const entry of ALLOW) {
      if (!findings.some((f) => f.check === entry.check && f.file === entry.file)) console.log(`security: allow-list entry ${entry.check} (${entry.file}) matched nothing; remove it if the finding is gone for good`);
    }
    printTable(['', 'check', 'severity', 'where', 'why'], rows);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`security: electronegativity ${tool.version}, Electron ${electron}, ${summary.files} files, ${summary.atomicChecks + summary.globalChecks} checks, ${findings.length} finding(s), ${seconds} s`);
    if (problems.length) return fail(problems.join('\n'));
    console.log('security: passed');
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Copies the scannable built files to `<work>/app/<main|preload|renderer>/…`, renaming .cjs/.mjs
 * to .js; returns staged path -> { key: path inside the build folder, shown: path to print }.
 */
function stage(work) {
  const staged = join(work, 'app');
  const origin = new Map();
  const lowerings = new Set();
  const copy = (rel) => {
    for (const entry of readdirSync(join(OUT_DIR, rel), { withFileTypes: true })) {
      const fileRel = `${rel}/${entry.name}`;
      if (entry.isDirectory()) copy(fileRel);
      else if (SCANNED.test(entry.name) || /\.(cjs|mjs)$/i.test(entry.name)) {
        const target = fileRel + (/\.(cjs|mjs)$/i.test(entry.name) ? '.js' : '');
        mkdirSync(dirname(join(staged, target)), { recursive: true });
        const source = readFileSync(join(OUT_DIR, fileRel), 'utf8');
        const code = /\.html?$/i.test(entry.name) ? source : lowered(source, entry.name);
        writeFileSync(join(staged, target), code);
        origin.set(target, { key: fileRel, shown: `${OUT}/${fileRel}` });
        if (code !== source) lowerings.add(`${OUT}/${fileRel}`);
      }
    }
  };
  for (const dir of BUILT) copy(dir);
  if (![...origin.keys()].some((p) => p.startsWith('preload/'))) throw new Error(`no preload file was staged from ${OUT}/preload`);
  // The project's package.json: electronegativity's JSON checks read its scripts and Electron version.
  cpSync(join(ROOT, 'package.json'), join(staged, 'package.json'));
  origin.set('package.json', { key: 'package.json', shown: 'package.json' });
  return { staged, origin, lowerings };
}

/** The file unchanged, or lowered to ES2021 when it has class syntax electronegativity cannot walk. */
function lowered(code, name) {
  const file = ts.createSourceFile(name, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  let needed = false;
  const visit = (node) => {
    if (needed) return;
    if (node.kind === ts.SyntaxKind.PrivateIdentifier || node.kind === ts.SyntaxKind.ClassStaticBlockDeclaration) needed = true;
    else ts.forEachChild(node, visit);
  };
  visit(file);
  if (!needed) return code;
  const out = ts.transpileModule(code, { fileName: name.replace(/\.(c|m)?js$/i, '.js'), reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2021, module: ts.ModuleKind.Preserve, allowJs: true, useDefineForClassFields: true } });
  if (out.diagnostics?.length) throw new Error(`cannot lower ${name}: ${ts.flattenDiagnosticMessageText(out.diagnostics[0].messageText, ' ')}`);
  return out.outputText;
}

// ---------------------------------------------------------------------------------------------
// The child: electronegativity's run(), offline.
// ---------------------------------------------------------------------------------------------
async function scanChild(input, sarifPath, summaryPath, electronVersion) {
  const blockedRequests = [];
  const offline = (url) => {
    blockedRequests.push(String(url));
    return Promise.reject(new Error('network disabled by scripts/security-gate.mjs'));
  };
  const got = Object.assign(offline, { get: offline, head: offline, post: offline, default: offline, __esModule: true });
  const gotPath = createRequire(requireFromTool.resolve('./dist/locales/i18n.js')).resolve('got');
  const stub = new Module(gotPath);
  Object.assign(stub, { filename: gotPath, loaded: true, exports: got });
  Module._cache[gotPath] = stub;

  const log = console.log;
  console.log = () => {}; // the translation fallback notice
  const run = requireFromTool('.');
  const result = await run({
    input,
    output: sarifPath,
    isSarif: true,
    customScan: [],
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    isRelative: true,
    isVerbose: true,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
  console.log = log;
  const files = listFiles(input).filter((f) => SCANNED.test(f) || f.endsWith('package.json')).length;
  const issues = result.issues.map((i) => ({ id: i.id, file: i.file, line: i.location?.line, severity: i.severity?.name, confidence: i.confidence?.name }));
  const errors = result.errors.map((e) => ({ file: relative(input, e.file), message: String(e.message).split('\n')[0], tolerable: e.tolerable }));
  // run() writes the SARIF file asynchronously; the process stays alive until that write is done.
  writeFileSync(summaryPath, JSON.stringify({ globalChecks: result.globalChecks, atomicChecks: result.atomicChecks, files, issues, errors, blockedRequests }));
}

function fileTimes(dirs) {
  return dirs.flatMap((dir) => (existsSync(dir) ? listFiles(dir) : [])).map((f) => statSync(f).mtimeMs);
}
const newest = (dirs) => Math.max(0, ...fileTimes(dirs));
const oldest = (dirs) => Math.min(Infinity, ...fileTimes(dirs));

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name));
}

// ---------------------------------------------------------------------------------------------
// Proofs (each returns null when it holds, or why it does not)
// ---------------------------------------------------------------------------------------------
function parseJs(file) {
  const { parse } = requireFromTool('@babel/parser');
  return parse(readFileSync(file, 'utf8'), { sourceType: 'module', errorRecovery: false }).program;
}

function* nodes(node) {
  if (!node || typeof node !== 'object') return;
  if (typeof node.type === 'string') yield node;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || key === 'start' || key === 'end') continue;
    if (Array.isArray(value)) for (const v of value) yield* nodes(v);
    else if (value && typeof value === 'object') yield* nodes(value);
  }
}

const keyName = (p) => p.key?.name ?? p.key?.value;

/**
 * The flagged `new BrowserWindow({...})` takes `webPreferences: secureWebPreferences(...)`, and that
 * function returns one object literal (no spread) with `key: value` — or just the first part when
 * `key` is null.
 */
function factoryWindowSets(finding, key, value) {
  const program = parseJs(finding.abs);
  const all = [...nodes(program)];
  const win = all.find((n) => n.type === 'NewExpression' && n.callee?.name === 'BrowserWindow' && n.loc.start.line === finding.line);
  if (!win) return `no new BrowserWindow at line ${finding.line}`;
  const prefs = win.arguments[0]?.properties?.find((p) => keyName(p) === 'webPreferences');
  if (prefs?.value?.type !== 'CallExpression' || prefs.value.callee?.name !== 'secureWebPreferences') return 'the window does not take webPreferences: secureWebPreferences(...)';
  if (key === null) return null;
  const fn = all.find((n) => n.type === 'FunctionDeclaration' && n.id?.name === 'secureWebPreferences');
  const body = fn?.body?.body ?? [];
  const returned = body.length === 1 && body[0].type === 'ReturnStatement' ? body[0].argument : null;
  if (returned?.type !== 'ObjectExpression') return 'secureWebPreferences is not a single `return { ... }`';
  if (returned.properties.some((p) => p.type !== 'ObjectProperty')) return 'secureWebPreferences spreads or computes properties';
  const props = returned.properties.filter((p) => keyName(p) === key);
  if (props.length !== 1 || props[0].value?.value !== value) return `secureWebPreferences does not set ${key}: ${value} exactly once`;
  return null;
}

function allWindowOpenHandlersDeny(file) {
  const calls = [...nodes(parseJs(file))].filter((n) => n.type === 'CallExpression' && n.callee?.property?.name === 'setWindowOpenHandler');
  if (calls.length === 0) return 'no setWindowOpenHandler in the main bundle';
  for (const call of calls) {
    const fn = call.arguments[0];
    const body = fn?.type === 'ArrowFunctionExpression' ? fn.body : null;
    const action = body?.type === 'ObjectExpression' && body.properties.length === 1 && keyName(body.properties[0]) === 'action' ? body.properties[0].value?.value : undefined;
    if (action !== 'deny') return `a setWindowOpenHandler at line ${call.loc.start.line} does not simply return { action: 'deny' }`;
  }
  return null;
}

/** Every meta CSP in the file gets exactly one non-informational remark from csp-evaluator: script-src 'self'. */
function cspOnlySelfRemark(file) {
  const csp = requireFromTool('@doyensec/csp-evaluator');
  const html = readFileSync(file, 'utf8');
  const policies = [...html.matchAll(/<meta\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => /http-equiv\s*=\s*["']?content-security-policy/i.test(tag))
    .map((tag) => /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag))
    .map((m) => m?.[1] ?? m?.[2] ?? '');
  if (policies.length === 0) return 'no meta CSP found';
  for (const policy of policies) {
    const findings = new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3).evaluate().filter((f) => f.severity <= csp.severities.MEDIUM_MAYBE);
    const unexpected = findings.filter((f) => !(f.directive === 'script-src' && f.value === "'self'" && f.severity === csp.severities.MEDIUM_MAYBE));
    if (unexpected.length) return unexpected.map((f) => `${f.directive} ${f.value ?? ''}: ${f.description}`).join('; ');
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
function printTable(head, rows) {
  if (rows.length === 0) return console.log('security: no findings');
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.min(60, Math.max(...all.map((r) => String(r[i]).length))));
  const line = (r) => r.map((c, i) => (i === r.length - 1 ? String(c) : String(c).padEnd(widths[i]))).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}

function fail(message) {
  console.error(`security: FAILED\n${message}`);
  return 1;
}

// Last, so that every const above is initialised.
if (process.argv[2] === '--scan') await scanChild(...process.argv.slice(3));
else {
  let code;
  try {
    code = main();
  } catch (error) {
    code = fail(error instanceof Error ? error.message : String(error));
  }
  process.exit(code);
}
