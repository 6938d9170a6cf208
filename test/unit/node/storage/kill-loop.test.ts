import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBytes, cleanStaleTemps } from '../../../../src-main/node/storage';
import { mulberry32 as rng } from '../../../support/mulberry32';

const KILLS_PER_LANE = 100;
const LANES = 2;
const KILLS = KILLS_PER_LANE * LANES;
const SEED = Number(process.env.PILCROW_KILL_SEED ?? Date.now() % 2 ** 31);

const here = fileURLToPath(new URL('.', import.meta.url));
const childScript = join(here, 'fixtures', 'kill-child.mjs');
let work: string;
let bundle: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'pilcrow-kill-'));
  bundle = join(work, 'storage.mjs');
  // The child is plain node 20 (no TS loader): give it a bundle of the real module.
  await build({
    input: join(here, '../../../../src-main/node/storage/index.ts'),
    platform: 'node',
    output: { file: bundle, format: 'esm' },
    write: true,
    logLevel: 'silent',
  });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});


interface RunResult {
  start: number;
  maxAck: number;
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/** Starts the child, waits for `acksBeforeKill` acknowledgements (state, not time), SIGKILLs it. */
function runAndKill(file: string, qdir: string, acksBeforeKill: number, jitterMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, bundle, file, qdir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let start = -1;
    let maxAck = -1;
    let acks = 0;
    let killed = false;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const lines = out.split('\n');
      out = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, value] = line.split(' ');
        if (kind === 'start') start = Number(value);
        if (kind === 'ack') {
          maxAck = Math.max(maxAck, Number(value));
          acks++;
        }
      }
      if (!killed && acks >= acksBeforeKill) {
        killed = true;
        // a random sub-write-time offset so the kill lands anywhere inside the next save
        if (jitterMs === 0) child.kill('SIGKILL');
        else setTimeout(() => child.kill('SIGKILL'), jitterMs);
      }
    });
    child.once('error', reject);
    // 'close' fires after stdout is drained: every ack the child printed before dying is counted.
    child.once('close', (code, signal) => resolve({ start, maxAck, signal, code, stderr }));
  });
}

async function lane(id: number, random: () => number) {
  const dir = join(work, `lane${id}`, 'articles');
  const qdir = join(work, `lane${id}`, 'quarantine');
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'a1__counter.json');
  let lastAck = 0;
  let tempsCleaned = 0;
  for (let i = 0; i < KILLS_PER_LANE; i++) {
    const where = `lane ${id} kill #${i} (seed ${SEED})`;
    const r = await runAndKill(file, qdir, 1 + Math.floor(random() * 4), Math.floor(random() * 3));
    expect(r.signal, `${where}: child did not die by SIGKILL: code ${r.code}, stderr: ${r.stderr}`).toBe('SIGKILL');
    expect(r.stderr, where).toBe(''); // no recovery, no lock refusal
    expect(r.start, `${where}: the child started from less than was acknowledged`).toBeGreaterThanOrEqual(lastAck);
    lastAck = Math.max(lastAck, r.maxAck);
    // the file parses and holds everything acknowledged
    const raw = checkBytes(await readFile(file));
    expect(raw.ok, `${where}: ${raw.ok ? '' : raw.problem}`).toBe(true);
    const n = (raw as { value: { n: number } }).value.n;
    expect(n, where).toBeGreaterThanOrEqual(lastAck);
    const bakBytes = await readFile(`${file}.bak`).catch(() => null); // none after a first single save
    if (bakBytes !== null || lastAck > 1) {
      const bak = checkBytes(bakBytes ?? new Uint8Array());
      expect(bak.ok, where).toBe(true);
      expect((bak as { value: { n: number } }).value.n).toBeLessThanOrEqual(n);
    }
    // temps left by the kill are recognised and removed; nothing else is touched
    tempsCleaned += (await cleanStaleTemps(join(work, `lane${id}`))).length;
    const left = (await readdir(dir)).filter((f) => f.endsWith('.pilcrow-tmp'));
    expect(left, where).toEqual([]);
    expect((await readdir(dir)).filter((f) => !/^(a1__counter\.json(\.bak)?|\.pilcrow-writer\.counter\.lock)$/.test(f))).toEqual([]);
  }
  await expect(readdir(qdir)).rejects.toMatchObject({ code: 'ENOENT' }); // never needed quarantine
  return { lastAck, tempsCleaned };
}

describe('kill -9 loop', () => {
  it(`SIGKILLs a continuously saving child ${KILLS} times (${LANES} lanes × ${KILLS_PER_LANE}): file always parses, nothing acknowledged is lost, stale temps cleaned`, async () => {
    const random = rng(SEED);
    const results = await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i, rng(SEED + i + Math.floor(random() * 1000)))));
    for (const r of results) expect(r.lastAck).toBeGreaterThanOrEqual(KILLS_PER_LANE);
    console.log(`kill loop seed ${SEED}: ${JSON.stringify(results)}`);
  }, 600_000); // ~45 s alone on 2 cores; node start-up time grows a lot when the machine is busy
});
