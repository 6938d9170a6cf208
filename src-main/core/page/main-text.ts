/**
 * Finding the article's main text on a saved page, from the page's structure alone (no site's
 * names): every paragraph stays, and each gets evidence of where it stands (main text, before
 * it, after it, or cut out of it) and what in the page says so. docs/suggestions.md describes
 * the rules; in short:
 *
 * 0. When the page's JSON-LD has the article's text (`articleBody`, 60 words or more) and its
 *    paragraphs hold at least half of it, the block holding them is the article (then on to 4).
 * 1. Paragraphs of running text (25+ characters, under half links, not inside navigation, a
 *    sidebar, a form, a dialog, a page footer or a block whose class says furniture) score
 *    1 + their commas + 1 per 100 characters (at most 3); a <section> scores as one paragraph too.
 * 2. The score goes to the block holding the paragraph and, less and less, to four blocks above
 *    it; each block starts from what its tag and class words say (+25 content words or
 *    itemprop=articleBody, −25 furniture or ad words; div +5, lists −3, headings −5) and is
 *    discounted by the share of its words that are links.
 * 3. The best block is the article; a block above it that holds most of the other strong
 *    blocks, or scores more, takes its place, and so does the <article> around it when that holds
 *    another block of running text (a story split around ads); sibling blocks that score well,
 *    and sibling paragraphs of plain running text, join it.
 * 4. Inside it, page furniture is cut out: navigation, asides, forms, footers, blocks whose class
 *    says share/related/… or ad, and blocks of few commas that are mostly links.
 * 5. The headline (the <h1> shortly before the first paragraph) belongs to the article, with the
 *    standfirst or caption of running text between them.
 * Linear in the size of the page: every pass is over the paragraphs or the elements once.
 */
import { countWords } from '../words';
import { isShareWord } from './class-words';
import { PAGE_FLAGS as F, type PageElement, type PageEvidence, type PageRegion, type PageStructure } from './types';

const MIN_PARAGRAPH_CHARS = 25;
const ANCESTOR_LEVELS = 5;
const CLASS_WEIGHT = 25;
const MIN_TOP_CANDIDATES = 3;
const SHARE_MAX_CHARS = 500;
const MIN_MAIN_WORDS = 60;

/** Regions a reader does not take for the article. */
const FURNITURE_REGIONS = F.nav | F.aside | F.form | F.dialog | F.banner | F.contentinfo;
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td', 'th', 'blockquote', 'li', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'caption', 'summary', 'legend', 'address']);
/** Paragraphs of these elements carry the article's running text (list items and captions do not score). */
const SCORED_TAGS = new Set(['p', 'pre', 'td', 'h2', 'h3', 'h4', 'h5', 'h6']);
const CLEANED_TAGS = new Set(['div', 'section', 'ul', 'ol', 'table', 'dl', 'center', 'figure', 'header']);
const ALWAYS_CUT_TAGS = new Set(['aside', 'form', 'fieldset', 'footer', 'nav']);
const COMMAS = /[,،、，]/g;

function tagBonus(tag: string): number {
  if (tag === 'div') return 5;
  if (tag === 'pre' || tag === 'td' || tag === 'blockquote') return 3;
  if (tag === 'address' || tag === 'ol' || tag === 'ul' || tag === 'dl' || tag === 'dd' || tag === 'dt' || tag === 'li' || tag === 'form') return -3;
  if (/^h[1-6]$/.test(tag) || tag === 'th') return -5;
  return 0;
}

function classWeight(e: PageElement, layout = false): number {
  let w = 0;
  if (e.flags & (F.positive | F.body)) w += CLASS_WEIGHT;
  if (e.flags & F.body) w += CLASS_WEIGHT;
  if (e.flags & (F.furniture | F.ad) && !layout) w -= CLASS_WEIGHT;
  return w;
}

function regionOf(e: PageElement, insideArticle: boolean): { region: PageRegion; tag: string } | null {
  const named = (tag: string) => (e.role ? `role=${e.role}` : tag);
  if (e.flags & F.nav) return { region: 'nav', tag: named('nav') };
  if (e.flags & F.banner) return { region: 'header', tag: named('header') };
  if (e.flags & F.header && !insideArticle) return { region: 'header', tag: 'header' };
  if (e.flags & F.contentinfo) return { region: 'footer', tag: named('footer') };
  if (e.flags & F.footer) return { region: 'footer', tag: 'footer' };
  if (e.flags & F.aside) return { region: 'aside', tag: named('aside') };
  if (e.flags & F.form) return { region: 'form', tag: named('form') };
  if (e.flags & F.dialog) return { region: 'dialog', tag: named('dialog') };
  return null;
}

interface Tallies {
  words: number[];
  links: number[];
  chars: number[];
  commas: number[];
  paragraphs: number[];
  items: number[];
  blockChildren: number[];
  /** Characters inside lists (ul, ol, dl, menu) of the subtree. */
  listChars: number[];
  /** Table rows, and header cells or captions, of the subtree (a data table has them). */
  rows: number[];
  heads: number[];
  /** The page's headline (<h1>) or a block the page marks as its article or main content, in the subtree. */
  landmarks: number[];
}

function tally(structure: PageStructure, texts: readonly string[], commas: number[]): Tallies {
  const n = structure.elements.length;
  const zeros = () => new Array<number>(n).fill(0);
  const t: Tallies = { words: zeros(), links: zeros(), chars: zeros(), commas: zeros(), paragraphs: zeros(), items: zeros(), blockChildren: zeros(), listChars: zeros(), rows: zeros(), heads: zeros(), landmarks: zeros() };
  structure.blocks.forEach((b, i) => {
    t.words[b.element]! += b.words;
    t.links[b.element]! += linkWeight(b);
    t.chars[b.element]! += texts[i]!.length;
    t.commas[b.element]! += commas[i]!;
  });
  // Children come after their parent, so one backward pass sums every subtree.
  for (let e = n - 1; e > 0; e--) {
    const el = structure.elements[e]!;
    if (el.tag === 'p') t.paragraphs[e]! += 1;
    if (el.tag === 'li') t.items[e]! += 1;
    if (el.tag === 'tr') t.rows[e]! += 1;
    if (el.tag === 'th' || el.tag === 'caption') t.heads[e]! += 1;
    if (el.tag === 'h1' || el.flags & (F.article | F.main | F.body)) t.landmarks[e]! += 1;
    const p = el.parent;
    t.listChars[p]! += el.flags & F.list ? t.chars[e]! : t.listChars[e]!;
    t.rows[p]! += t.rows[e]!;
    t.heads[p]! += t.heads[e]!;
    t.landmarks[p]! += t.landmarks[e]!;
    t.words[p]! += t.words[e]!;
    t.links[p]! += t.links[e]!;
    t.chars[p]! += t.chars[e]!;
    t.commas[p]! += t.commas[e]!;
    t.paragraphs[p]! += t.paragraphs[e]!;
    t.items[p]! += t.items[e]!;
    t.blockChildren[p]! += 1;
  }
  return t;
}

/** Links that stay on the page (a table of contents, footnote marks) are the article's own: only links away from it count. */
/** Lines of up to this many words between the headline and the story (a byline, a date) stay before the article. */
const HEADER_SHORT_WORDS = 12;

const linkWeight = (b: { linkWords: number; anchorWords: number }) => b.linkWords - b.anchorWords;

const inside = (elements: readonly PageElement[], ancestor: number, e: number) => e >= ancestor && e < elements[ancestor]!.end;
const compact = (text: string) => text.replace(/\s+/g, ' ').trim();

export function findMainText(structure: PageStructure, texts: readonly string[]): PageEvidence[] {
  const { elements, blocks } = structure;
  const n = elements.length;
  const commas = texts.map((t) => t.match(COMMAS)?.length ?? 0);
  const t = tally(structure, texts, commas);
  const density = (e: number) => (t.words[e]! > 0 ? t.links[e]! / t.words[e]! : 0);

  // A block holding the page's headline or its marked article is the page's layout ("page-with-
  // sidebar", a drawer or an ad frame wrapping the page), whatever its class says: navigation,
  // sidebars and ads do not hold the article. Its class words are not evidence.
  const layout = (e: number) => t.landmarks[e]! > 0;
  // What each element inherits: the article around it, whether it is furniture, the nearest region and words.
  const inArticle: boolean[] = new Array(n).fill(false);
  const unlikely: boolean[] = new Array(n).fill(false);
  const region: ({ region: PageRegion; tag: string } | null)[] = new Array(n).fill(null);
  const word: (string | undefined)[] = new Array(n).fill(undefined);
  const ad: (string | undefined)[] = new Array(n).fill(undefined);
  for (let e = 1; e < n; e++) {
    const el = elements[e]!;
    const p = el.parent;
    inArticle[e] = inArticle[p]! || (el.flags & (F.article | F.main | F.body)) !== 0;
    const own = regionOf(el, inArticle[p]!);
    region[e] = own ?? region[p]!;
    const wraps = layout(e);
    word[e] = (wraps ? undefined : el.word) ?? word[p];
    ad[e] = (wraps ? undefined : el.ad) ?? ad[p];
    const structural = el.tag === 'body' || el.tag === 'html' || (el.flags & (F.article | F.main | F.body)) !== 0;
    const furnitureRegion = (el.flags & FURNITURE_REGIONS) !== 0 || (el.tag === 'footer' && !inArticle[p]);
    const furnitureWords = !wraps && (el.flags & (F.furniture | F.ad)) !== 0 && !(el.flags & F.positive);
    unlikely[e] = unlikely[p]! || (!structural && (furnitureRegion || furnitureWords));
  }

  // The publisher's own copy of the article, when the page has one.
  const body = structure.articleBodies.map(compact).sort((a, b) => b.length - a.length)[0] ?? '';

  // 1–2. Paragraph scores, credited to the blocks above them.
  const score: number[] = new Array(n).fill(0);
  const scored: boolean[] = new Array(n).fill(false);
  const credit = (e: number, amount: number) => {
    if (!scored[e]) {
      scored[e] = true;
      score[e] = tagBonus(elements[e]!.tag) + classWeight(elements[e]!, layout(e));
    }
    score[e]! += amount;
  };
  const creditUp = (from: number, s: number) => {
    let e = from;
    for (let level = 0; level < ANCESTOR_LEVELS && e > 0; level++) {
      credit(e, s / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
      e = elements[e]!.parent;
    }
  };
  /** Words of scored running text in each subtree (summed up the tree below). */
  const prose: number[] = new Array(n).fill(0);
  const paragraphScore = (text: string, commaCount: number) => 1 + commaCount + Math.min(Math.floor(text.length / 100), 3);
  blocks.forEach((b, i) => {
    const text = texts[i]!;
    const el = elements[b.element]!;
    if (unlikely[b.element] || text.length < MIN_PARAGRAPH_CHARS || linkWeight(b) * 2 >= Math.max(b.words, 1)) return;
    // A paragraph element, or a container of nothing but this inline text, is the paragraph
    // itself: its score goes to the block around it. Text beside other blocks scores its container.
    const paragraphLike = PARAGRAPH_TAGS.has(el.tag) || t.blockChildren[b.element] === 0;
    if (PARAGRAPH_TAGS.has(el.tag) && !SCORED_TAGS.has(el.tag)) return;
    const s = paragraphScore(text, commas[i]!);
    creditUp(paragraphLike ? el.parent : b.element, s);
    prose[b.element]! += b.words;
  });
  // A <section> counts as one paragraph of all its text too, as its commas show how much prose it holds.
  for (let e = 1; e < n; e++) {
    if (elements[e]!.tag !== 'section' || unlikely[e] || t.chars[e]! < MIN_PARAGRAPH_CHARS || density(e) >= 0.5) continue;
    creditUp(elements[e]!.parent, 1 + t.commas[e]! + Math.min(Math.floor(t.chars[e]! / 100), 3));
  }
  for (let e = n - 1; e > 0; e--) prose[elements[e]!.parent]! += prose[e]!;
  const final = (e: number) => score[e]! * (1 - density(e));
  const firstBlock: number[] = new Array(n).fill(-1);
  blocks.forEach((b, i) => {
    if (firstBlock[b.element] === -1) firstBlock[b.element] = i;
  });

  // 3. The best block, then the block above it that holds the other strong blocks.
  const candidates = [];
  for (let e = 1; e < n; e++) if (scored[e] && elements[e]!.tag !== 'html') candidates.push(e);
  candidates.sort((a, b) => final(b) - final(a));
  const main = new Set<number>();
  // The publisher's own copy of the text, when it covers most of what it says, names the article's block.
  const told = body ? blockOfArticleBody() : -1;
  let top = told > 0 ? told : (candidates[0] ?? -1);
  if (told > 0) main.add(told);
  else if (top > 0) {
    const alternatives = candidates.slice(1, 5).filter((c) => final(c) >= final(top) * 0.75);
    if (alternatives.length >= MIN_TOP_CANDIDATES) {
      for (let a = elements[top]!.parent; a > 0 && elements[a]!.tag !== 'body' && elements[a]!.tag !== 'html'; a = elements[a]!.parent) {
        if (alternatives.filter((c) => inside(elements, a, c)).length >= MIN_TOP_CANDIDATES) {
          top = a;
          break;
        }
      }
    }
    let last = final(top);
    const floor = last / 3;
    for (let p = elements[top]!.parent; p > 0 && elements[p]!.tag !== 'body' && elements[p]!.tag !== 'html'; p = elements[p]!.parent) {
      if (!scored[p]) continue;
      if (final(p) < floor) break;
      if (final(p) > last) {
        top = p;
        break;
      }
      last = final(p);
    }
    while (elements[top]!.parent > 0 && t.blockChildren[elements[top]!.parent] === 1 && !['body', 'html'].includes(elements[elements[top]!.parent]!.tag)) {
      top = elements[top]!.parent;
    }
    // A story the page splits into several blocks (around ads, photos, related links) is whole in
    // the <article> (or itemprop=articleBody block) around them: take it when it holds another
    // block of the story's running text.
    for (let a = elements[top]!.parent, level = 0; a > 0 && level < 4; a = elements[a]!.parent, level++) {
      if (!(elements[a]!.flags & (F.article | F.body))) continue;
      if (prose[a]! - prose[top]! >= prose[top]! * 0.25) top = a;
      break;
    }
    main.add(top);
    // Siblings that score well, and sibling paragraphs of plain running text; none beside a block
    // the page itself marks as the article's body.
    const parent = elements[top]!.parent;
    const threshold = Math.max(10, final(top) * 0.2);
    const alone = (elements[top]!.flags & F.body) !== 0;
    for (let e = top + 1; e < n && !alone; e++) if (elements[e]!.parent === parent) addSibling(e);
    for (let e = parent + 1; e < top && !alone; e++) if (elements[e]!.parent === parent) addSibling(e);
    function addSibling(e: number) {
      if (unlikely[e]) return;
      if (scored[e] && final(e) >= threshold) {
        main.add(e);
        return;
      }
      if (elements[e]!.tag !== 'p') return;
      const chars = t.chars[e]!;
      const links = density(e);
      if ((chars > 80 && links < 0.25) || (chars > 0 && chars <= 80 && links === 0 && /\.( |$)/.test(texts[firstBlock[e]!] ?? ''))) main.add(e);
    }
  }

  /** The innermost block holding the paragraphs that JSON-LD `articleBody` has, when they are most of it. */
  function blockOfArticleBody(): number {
    let covered = 0;
    let block = -1;
    blocks.forEach((b, i) => {
      if (b.words < 3 || !body.includes(compact(texts[i]!))) return;
      covered += b.words;
      block = block < 0 ? b.element : commonAncestor(block, b.element);
    });
    const bodyWords = countWords(body);
    // A summary put in articleBody (a sentence or two) says nothing about where the article is.
    return bodyWords >= MIN_MAIN_WORDS && covered * 2 >= bodyWords ? block : -1;
  }
  function commonAncestor(a: number, b: number): number {
    // Ancestors come before their descendants and hold them in [index, end).
    let x = a;
    while (x > 0 && !inside(elements, x, b)) x = elements[x]!.parent;
    return x;
  }

  // 4. Inside the article, cut out the page furniture. A table of data (header cells, a caption,
  // or ten rows) is content, however many links it and what is in it hold.
  const dataTable = (e: number) => elements[e]!.tag === 'table' && (t.heads[e]! > 0 || t.rows[e]! >= 10);
  const inDataTable: boolean[] = new Array(n).fill(false);
  for (let e = 1; e < n; e++) inDataTable[e] = inDataTable[elements[e]!.parent]! || dataTable(e);
  const cut: boolean[] = new Array(n).fill(false);
  const inMain: boolean[] = new Array(n).fill(false);
  for (const m of main) for (let e = m; e < elements[m]!.end; e++) inMain[e] = true;
  for (let e = 1; e < n; e++) {
    if (!inMain[e] || main.has(e)) continue;
    const el = elements[e]!;
    if (cut[el.parent]) {
      cut[e] = true;
      continue;
    }
    cut[e] = cutsOut(e);
  }
  function cutsOut(e: number): boolean {
    const el = elements[e]!;
    if (ALWAYS_CUT_TAGS.has(el.tag) || el.flags & FURNITURE_REGIONS) return true;
    if ((el.flags & (F.furniture | F.ad)) !== 0 && !(el.flags & F.positive)) return true;
    if (el.word && isShareWord(el.word) && t.chars[e]! < SHARE_MAX_CHARS) return true;
    // A container of inline text only is a paragraph, not a block to clean; big text blocks stay.
    if (!CLEANED_TAGS.has(el.tag) || t.blockChildren[e] === 0 || t.commas[e]! >= 10 || inDataTable[e]) return false;
    const weight = classWeight(el);
    if (weight < 0) return true;

    // A block that is nine tenths lists (a table of contents) is judged as a list.
    const list = el.flags & F.list || t.listChars[e]! > 0.9 * t.chars[e]!;
    const links = density(e);
    if (!list && t.items[e]! - 100 > t.paragraphs[e]!) return true;
    if (!list && t.chars[e]! < MIN_PARAGRAPH_CHARS && links > 0) return true;
    if (!list && weight < CLASS_WEIGHT && links > 0.2) return true;
    return weight >= CLASS_WEIGHT && links > 0.5;
  }

  let isMain = blocks.map((b) => inMain[b.element]! && !cut[b.element]);
  const mainWords = blocks.reduce((sum, b, i) => sum + (isMain[i] ? b.words : 0), 0);
  // A page that marks its article (JSON-LD, itemprop=articleBody, <article>, <main>) is taken at its word however short.
  const marked = told > 0 || (top > 0 && (elements[top]!.flags & (F.body | F.article | F.main)) !== 0);
  if (mainWords < MIN_MAIN_WORDS && !marked) {
    // Too little found to be an article (a short page, a page of lists): keep all but the furniture.
    isMain = blocks.map((b) => !unlikely[b.element] && linkWeight(b) * 2 < Math.max(b.words, 1));
    // A page of nothing but links (or of nothing but furniture) is still read as its own text.
    if (!isMain.includes(true)) isMain = blocks.map((b) => !unlikely[b.element]);
    if (!isMain.includes(true)) isMain = blocks.map(() => true);
  }

  // 5. The headline: the <h1> shortly before the first paragraph, with only short lines between
  // (a byline, a date: those stay before the article's first paragraph) or lines of running text
  // the page says nothing against: the story's standfirst and its lead photo's caption, which
  // belong to the article with its headline.
  const start = isMain.indexOf(true);
  const end = isMain.lastIndexOf(true);
  const header: number[] = [];
  for (let i = start - 1; i >= 0 && i >= start - 15; i--) {
    const b = blocks[i]!;
    const el = elements[b.element]!;
    if (el.tag === 'h1') {
      isMain[i] = true;
      for (const h of header) isMain[h] = true;
      break;
    }
    if (b.words <= HEADER_SHORT_WORDS) continue;
    if (unlikely[b.element] || linkWeight(b) * 2 >= b.words) break;
    header.push(i);
  }

  // The length of each stretch cut out between two of the article's paragraphs.
  const cutRun: number[] = new Array(blocks.length).fill(0);
  for (let i = start + 1; i < end; i++) {
    if (isMain[i]) continue;
    let j = i;
    while (!isMain[j + 1]) j++;
    cutRun.fill(j - i + 1, i, j + 1);
    i = j;
  }

  return blocks.map((b, i): PageEvidence => {
    const evidence: PageEvidence = { place: isMain[i] ? 'main' : start < 0 || i < start ? 'before' : i > end ? 'after' : 'inside', words: b.words, links: b.linkWords };
    if (cutRun[i]) evidence.cutRun = cutRun[i];
    const r = region[b.element];
    if (r) {
      evidence.region = r.region;
      evidence.tag = r.tag;
    }
    const w = word[b.element];
    if (w) evidence.word = w;
    const a = ad[b.element];
    if (a) evidence.ad = a;
    return evidence;
  });
}
