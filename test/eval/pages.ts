/**
 * `npm run eval:pages [-- DIR] [--markdown]`: reads each saved page of DIR (default
 * ../shared/fixtures/web-pages: one folder per page with source.html and expected.html) the way
 * the app does, runs the built-in suggesters on it, and scores the result against the article a
 * reader extracts (expected.html). A report, never a test: nothing here fails on a missed target.
 *
 * Per page and overall:
 * - kept: the expected article's paragraphs whose words Pilcrow still shows (recall);
 * - non-article: Pilcrow's paragraphs that are not in the article, how many of those carry a
 *   boilerplate or ad suggestion at the default threshold, and how many do not;
 * - wrongly pre-marked: article paragraphs with a boilerplate or ad suggestion;
 * - the shingle F1 (shingles.ts) of "the article" = the paragraphs not suggested boilerplate/ad;
 * - ms per page: decoding, reading and suggesting, in this one process.
 * Each page is scored alone (no other article to count repeated lines in), and then once more
 * with every page in one workspace, as an editor who opened DIR would see it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { suggestArticle, repetitionIndexOf } from '../../src-main/core/suggest/suggest';
import { defaultSuggestSettings, type SuggestArticle, type Suggestion } from '../../src-main/core/suggest/types';
import { RepetitionIndex, lineKey } from '../../src-main/core/suggest/repetition';
import type { LoadedArticle } from '../../src-main/node/workspace/read-article';
import { articleFromBytes } from '../support/article-from-bytes';
import { suggestArticleOf } from '../../src-main/node/suggest/gather';
import { articleParagraphs } from './article-match';
import { readExpected, type ExpectedArticle } from './expected';
import { averageScores, precisionOf, recallOf, shingleMatch, shingles, words, type ShingleMatch } from './shingles';

const ROOT = resolve(import.meta.dirname, '../..');
const { values, positionals } = parseArgs({ allowPositionals: true, options: { markdown: { type: 'boolean', default: false }, wrong: { type: 'boolean', default: false } } });
const dir = resolve(positionals[0] ?? join(ROOT, '..', 'shared', 'fixtures', 'web-pages'));
if (!existsSync(dir)) {
  console.log(`eval:pages: ${dir} is absent; nothing to measure (give a folder of pages: npm run eval:pages -- DIR).`);
  process.exit(0);
}
const pages = readdirSync(dir)
  .filter((name) => statSync(join(dir, name)).isDirectory() && existsSync(join(dir, name, 'source.html')) && existsSync(join(dir, name, 'expected.html')))
  .sort();
if (pages.length === 0) {
  console.log(`eval:pages: ${dir} holds no page folders (each needs source.html and expected.html); nothing to measure.`);
  process.exit(0);
}

const settings = defaultSuggestSettings();
const MARKS = new Set(['boilerplate', 'ad']);
const SEP = ' ';
const tokenLine = (text: string) => words(text).join(SEP);

interface PageRead {
  name: string;
  article: LoadedArticle;
  suggest: SuggestArticle;
  expected: ExpectedArticle;
  readMs: number;
}

interface PageScore {
  name: string;
  paragraphs: number;
  expected: number;
  kept: number;
  article: number;
  nonArticle: number;
  marked: number;
  wronglyMarked: number;
  firstArticle: number;
  match: ShingleMatch;
  ms: number;
  /** Wrongly pre-marked article paragraphs by the rule that marked them (`suggester/reason`; each mark counted). */
  wrongBy: Map<string, number>;
  /** The wrongly pre-marked article paragraphs themselves, for --wrong. */
  wrong: string[];
}

async function readPage(name: string): Promise<PageRead> {
  const bytes = new Uint8Array(readFileSync(join(dir, name, 'source.html')));
  const expected = readExpected(readFileSync(join(dir, name, 'expected.html'), 'utf8'));
  const start = performance.now();
  const article = await articleFromBytes(bytes, 'html', name);
  const suggest = suggestArticleOf(article);
  return { name, article, suggest, expected, readMs: performance.now() - start };
}

function scorePage(read: PageRead, index: RepetitionIndex): PageScore {
  const start = performance.now();
  const suggestions = suggestArticle(read.suggest, index, { settings });
  const ms = read.readMs + performance.now() - start;
  const expectedParagraphs = read.expected.paragraphs.map(tokenLine).filter(Boolean);
  const shown = read.article.paragraphs;
  const inArticle = articleParagraphs(shown.map((p) => p.text), read.expected.paragraphs, read.expected.text);
  let article = 0;
  let marked = 0;
  let wronglyMarked = 0;
  let firstArticle = -1;
  const extracted: string[] = [];
  const wrongBy = new Map<string, number>();
  const wrong: string[] = [];
  for (const p of shown) {
    const marks = (suggestions[p.id] ?? []).filter((s) => MARKS.has(s.label));
    const isMarked = marks.length > 0;
    if (!isMarked) extracted.push(p.text);
    if (inArticle[p.index]) {
      article++;
      if (firstArticle < 0) firstArticle = p.index;
      if (isMarked) wronglyMarked++;
      for (const s of marks) wrongBy.set(ruleOf(s), (wrongBy.get(ruleOf(s)) ?? 0) + 1);
      if (isMarked) wrong.push(`${p.index} ${marks.map((s) => `${ruleOf(s)} ${s.score} ${JSON.stringify({ ...s.reason, code: undefined })}`).join(' + ')}: ${p.text.replace(/\s+/g, ' ').slice(0, 90)}`);
    } else if (isMarked) marked++;
  }
  const shownLine = shown.map((p) => tokenLine(p.text)).join(SEP);
  const shownShingles = shingles(words(shown.map((p) => p.text).join('\n')));
  let kept = 0;
  for (const e of expectedParagraphs) {
    if (shownLine.includes(e)) kept++;
    else {
      const own = shingles(e.split(SEP));
      let found = 0;
      let all = 0;
      for (const [key, n] of own) {
        all += n;
        found += Math.min(n, shownShingles.get(key) ?? 0);
      }
      if (found >= all * 0.9) kept++;
    }
  }
  return {
    name: read.name,
    paragraphs: shown.length,
    expected: expectedParagraphs.length,
    kept,
    article,
    nonArticle: shown.length - article,
    marked,
    wronglyMarked,
    firstArticle,
    match: shingleMatch(read.expected.text, extracted.join('\n')),
    ms,
    wrongBy,
    wrong,
  };
}

/** The rule behind a suggestion: its suggester and reason code. */
const ruleOf = (s: Suggestion) => `${s.suggester}/${s.reason.code}`;

/** Wrongly pre-marked article paragraphs by rule, most first, with the pages where most of each are. */
function wrongByRule(scores: PageScore[]): string {
  const byRule = new Map<string, Map<string, number>>();
  for (const s of scores) for (const [rule, n] of s.wrongBy) byRule.set(rule, (byRule.get(rule) ?? new Map()).set(s.name, n));
  const total = (pages: Map<string, number>) => sum([...pages.values()]);
  return [...byRule]
    .sort((a, b) => total(b[1]) - total(a[1]))
    .map(([rule, pages]) => `${rule} ${total(pages)} (${[...pages].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name, n]) => `${name} ${n}`).join(', ')})`)
    .join('; ');
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : 0;
};
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');
const f3 = (n: number) => n.toFixed(3);

function overall(scores: PageScore[]) {
  const f = averageScores(scores.map((s) => s.match));
  const unmarked = scores.map((s) => s.nonArticle - s.marked);
  return [
    `pages ${scores.length}; paragraphs shown ${sum(scores.map((s) => s.paragraphs))}`,
    `article paragraphs kept (recall): ${pct(sum(scores.map((s) => s.kept)), sum(scores.map((s) => s.expected)))} (${sum(scores.map((s) => s.kept))} of ${sum(scores.map((s) => s.expected))})`,
    `non-article paragraphs shown: mean ${(sum(scores.map((s) => s.nonArticle)) / scores.length).toFixed(1)}, median ${median(scores.map((s) => s.nonArticle))} a page; pre-marked ${pct(sum(scores.map((s) => s.marked)), sum(scores.map((s) => s.nonArticle)))}; not pre-marked: median ${median(unmarked)}, mean ${(sum(unmarked) / scores.length).toFixed(1)}, max ${Math.max(...unmarked)} a page`,
    `article paragraphs wrongly pre-marked: ${pct(sum(scores.map((s) => s.wronglyMarked)), sum(scores.map((s) => s.article)))} (${sum(scores.map((s) => s.wronglyMarked))} of ${sum(scores.map((s) => s.article))})`,
    `wrongly pre-marked by rule (a paragraph marked by two counts twice): ${wrongByRule(scores) || 'none'}`,
    `first article paragraph: median ${median(scores.filter((s) => s.firstArticle >= 0).map((s) => s.firstArticle))}`,
    `shingle F1 ${f3(f.f1)} (precision ${f3(f.precision)}, recall ${f3(f.recall)})`,
    `ms per page (read + suggest): median ${median(scores.map((s) => s.ms)).toFixed(1)}, mean ${(sum(scores.map((s) => s.ms)) / scores.length).toFixed(1)}, max ${Math.max(...scores.map((s) => s.ms)).toFixed(1)}`,
  ];
}

function row(s: PageScore): string[] {
  return [s.name, String(s.paragraphs), `${s.kept}/${s.expected}`, String(s.nonArticle), String(s.marked), String(s.nonArticle - s.marked), `${s.wronglyMarked}/${s.article}`, f3(precisionOf(s.match)), f3(recallOf(s.match)), s.ms.toFixed(1)];
}
const HEAD = ['page', 'shown', 'kept', 'non-art.', 'marked', 'unmarked', 'wrong', 'P', 'R', 'ms'];

function printTable(rows: string[][]) {
  const widths = HEAD.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(HEAD));
  for (const r of rows) console.log(line(r));
}

function printMarkdown(scores: PageScore[], together: PageScore[]) {
  const f1Of = (s: PageScore) => {
    const p = precisionOf(s.match);
    const r = recallOf(s.match);
    return p + r ? (2 * p * r) / (p + r) : 0;
  };
  console.log(`\n<!-- eval:pages -->\nCommand: \`npm run eval:pages\` on ${relative(ROOT, dir) || dir}; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load ${loadavg()[0]?.toFixed(1)}; Node ${process.versions.node}.\n`);
  console.log('Each page alone:\n');
  for (const l of overall(scores)) console.log(`- ${l}`);
  console.log('\nEvery page in one workspace (repeated lines counted across pages):\n');
  for (const l of overall(together)) console.log(`- ${l}`);
  const worst = [...scores].sort((a, b) => f1Of(a) - f1Of(b)).slice(0, 12);
  console.log('\nThe 12 pages with the lowest F1 (each alone):\n');
  console.log(`| ${HEAD.join(' | ')} |\n|${HEAD.map(() => '---').join('|')}|`);
  for (const s of worst) console.log(`| ${row(s).join(' | ')} |`);
  const buckets = [0.99, 0.95, 0.9, 0.8, 0.5, 0];
  const counts = buckets.map((b, i) => scores.filter((s) => f1Of(s) >= b && (i === 0 || f1Of(s) < buckets[i - 1]!)).length);
  console.log(`\nPages by F1: ${buckets.map((b, i) => `${i === 0 ? '≥' : `${b}–`}${i === 0 ? b : buckets[i - 1]} ${counts[i]}`).join(', ')}.\n<!-- /eval:pages -->`);
}

const reads: PageRead[] = [];
for (const name of pages) reads.push(await readPage(name));
const alone = reads.map((r) => {
  const index = new RepetitionIndex();
  index.set(r.name, r.suggest.paragraphs.map((p) => lineKey(p.text)));
  return scorePage(r, index);
});
const shared = repetitionIndexOf(reads.map((r) => r.suggest));
const together = reads.map((r) => scorePage(r, shared));

console.log(`eval:pages: ${pages.length} pages in ${dir}\n`);
printTable(alone.map(row));
console.log('\nEach page alone:');
for (const l of overall(alone)) console.log(`  ${l}`);
console.log('Every page in one workspace:');
for (const l of overall(together)) console.log(`  ${l}`);
if (values.wrong) {
  console.log('\nWrongly pre-marked article paragraphs (index, rule, score, evidence: text), each page alone, then in one workspace:');
  for (const [mode, scores] of [['alone', alone], ['workspace', together]] as const) for (const s of scores) for (const w of s.wrong) console.log(`  ${mode} ${s.name} ${w}`);
}
if (values.markdown) printMarkdown(alone, together);
