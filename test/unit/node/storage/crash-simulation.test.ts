import { describe, expect, it } from 'vitest';
import { cleanStaleTemps, type RecoveryReport } from '../../../../src-main/node/storage';
import { ModelFs, sameBytes } from './fixtures/model-fs';
import { adapterOn, BAK, DIR, enc, FILE, LOSSES, QDIR, type Layer } from './fixtures/layer-file';

const OLDER: Layer = { v: 0, labels: [] };
const OLD: Layer = { v: 1, labels: ['claim'] };
const NEW: Layer = { v: 2, labels: ['claim', 'quote', 'x'.repeat(500)] };

interface Scenario {
  name: string;
  seed: (fs: ModelFs) => void;
  /** acceptable raw contents of FILE after any crash; undefined = missing */
  allowed: (Uint8Array | undefined)[];
}

const scenarios: Scenario[] = [
  { name: 'first save (no file yet)', seed: () => undefined, allowed: [undefined, enc(NEW)] },
  { name: 'existing file, no .bak', seed: (fs) => fs.seed(FILE, enc(OLD)), allowed: [enc(OLD), enc(NEW)] },
  {
    name: 'existing file and .bak',
    seed: (fs) => {
      fs.seed(FILE, enc(OLD));
      fs.seed(BAK, enc(OLDER));
    },
    allowed: [enc(OLD), enc(NEW)],
  },
];


describe('crash simulation: cut the write after every operation, lose power, read', () => {
  for (const sc of scenarios) {
    it(`${sc.name}: the file is exactly OLD or NEW at every cut point, and NEW once write() resolved`, async () => {
      const dry = new ModelFs([DIR]);
      sc.seed(dry);
      await adapterOn(dry).write(NEW);
      const total = dry.log.length;
      expect(total).toBeGreaterThan(4);
      let states = 0;
      for (let cut = 0; cut <= total; cut++) {
        const fs = new ModelFs([DIR]);
        sc.seed(fs);
        fs.opsBudget = cut;
        const acked = await adapterOn(fs).write(NEW).then(
          () => true,
          () => false,
        );
        expect(acked).toBe(cut >= total);
        for (let keep = 0; keep <= fs.pendingCount; keep++) {
          for (const loss of LOSSES) {
            states++;
            const after = fs.powerLoss(keep, loss);
            const raw = after.peek(FILE);
            const where = `cut=${cut}/${total} keep=${keep} loss=${loss}`;
            expect(sc.allowed.some((a) => sameBytes(a, raw)), where).toBe(true);
            if (acked) expect(sameBytes(raw, enc(NEW)), `acknowledged but lost: ${where}`).toBe(true);
            // .bak, when present, is always a valid earlier generation
            const bak = after.peek(BAK);
            if (bak !== undefined) {
              expect([enc(OLD), enc(OLDER)].some((a) => sameBytes(a, bak)), `bak ${where}`).toBe(true);
            }
            // reading back never needs recovery and yields OLD or NEW (or null)
            const reports: RecoveryReport[] = [];
            const value = await adapterOn(after, reports).read();
            expect(reports, where).toEqual([]);
            expect([null, OLD, NEW]).toContainEqual(value);
            // leftover temps are recognised and removed at the next start
            await cleanStaleTemps('/ws', { fs: after, isAlive: () => false });
            expect(after.list(DIR).filter((n) => n !== 'a1__alice.json' && n !== 'a1__alice.json.bak')).toEqual([]);
          }
        }
      }
      expect(states).toBeGreaterThan(total * 2);
    });
  }

  it('recovery from .bak is crash-safe too: the damaged bytes and the backup data are never both lost', async () => {
    const damaged = new TextEncoder().encode('{"v": 1, "labels": ["cla');
    const seed = (fs: ModelFs) => {
      fs.seed(FILE, damaged);
      fs.seed(BAK, enc(OLD));
    };
    const dry = new ModelFs([DIR]);
    seed(dry);
    expect(await adapterOn(dry).read()).toEqual(OLD);
    const total = dry.log.length;
    for (let cut = 0; cut <= total; cut++) {
      const fs = new ModelFs([DIR]);
      seed(fs);
      fs.opsBudget = cut;
      await adapterOn(fs)
        .read()
        .catch(() => null);
      for (let keep = 0; keep <= fs.pendingCount; keep++) {
        for (const loss of LOSSES) {
          const after = fs.powerLoss(keep, loss);
          const where = `cut=${cut}/${total} keep=${keep} loss=${loss}`;
          const raw = after.peek(FILE);
          expect([damaged, enc(OLD)].some((a) => sameBytes(a, raw)), where).toBe(true);
          const copies = after.list(QDIR).map((n) => after.peek(`${QDIR}/${n}`));
          // the damaged bytes survive: still in place, or durably in quarantine
          expect(sameBytes(raw, damaged) || copies.some((c) => sameBytes(c, damaged)), where).toBe(true);
          expect(await adapterOn(after).read(), where).toEqual(OLD);
        }
      }
    }
  });
});
