/**
 * Why a suggestion is offered, as data: a code and the words of the paragraph that gave it away.
 * The UI writes it in the editor's language (src-renderer/i18n: English from `reasonText`,
 * Persian its own), the CLI and the JSON of `pilcrow suggest` in English; a suggester only says
 * what it saw.
 */
import type { PageRegion } from '../page/types';

/** Where a footer line is: after the story's end marker, or in the closing lines of a file without one. */
export type FooterPlace = 'after-marker' | 'closing-lines';

/** Where a paragraph of a saved page stands against the article's main text (core/page). */
export type PagePlace = 'before' | 'after' | 'inside';

/** What in a saved page marks a paragraph as the page around the article (page-structure.ts). */
export interface PageClues {
  /** A region the page names, and how it names it (the tag, or `role=…`). */
  region?: PageRegion;
  tag?: string;
  /** A class or id word of page furniture ("share", "related"). */
  word?: string;
  /** A list of links: `links` of its `words` are in links. */
  links?: number;
  words?: number;
}

/** How often a line recurs across the workspace. */
interface Recurs {
  repeats: number;
  articles: number;
}

/** A claim's comparative word, when it has one ("more than", «بیش از»). */
interface Compared {
  comparison?: string;
}

export type SuggestionReason =
  // boilerplate (repeated.ts)
  | { code: 'end-marker' }
  | { code: 'title-repeated' }
  | ({ code: 'repeated-navigation'; place: FooterPlace; word: string } & Recurs)
  | ({ code: 'repeated-name'; place: FooterPlace } & Recurs)
  | ({ code: 'repeated-footer'; place: FooterPlace } & Recurs)
  | ({ code: 'repeated-short' } & Recurs)
  | ({ code: 'repeated-in-story' } & Recurs)
  | { code: 'navigation'; place: FooterPlace; word: string }
  // ad (ad-cues.ts)
  | { code: 'paid'; phrase: string }
  | { code: 'footer-business'; place: FooterPlace; word: string }
  | { code: 'footer-link'; place: FooterPlace }
  | { code: 'footer-name'; place: FooterPlace }
  | { code: 'selling-link'; phrase: string }
  // quote (quote-cues.ts)
  | { code: 'quoted-attributed'; phrase: string }
  | { code: 'saying-colon'; phrase: string }
  | { code: 'saying'; phrase: string }
  | { code: 'attributed'; phrase: string }
  | { code: 'headline-echo'; phrase: string }
  | { code: 'quoted' }
  | { code: 'opinion'; phrase: string }
  | { code: 'quoted-term' }
  // claim (claim-cues.ts)
  | ({ code: 'percentage'; phrase: string } & Compared)
  | ({ code: 'number-percent'; number: string; percent: string } & Compared)
  | ({ code: 'figure-statistic'; number: string; statistic: string } & Compared)
  | ({ code: 'number'; phrase: string } & Compared)
  | ({ code: 'number-words'; phrase: string } & Compared)
  | { code: 'comparison'; phrase: string }
  | { code: 'date'; phrase: string }
  // saved pages (page-structure.ts)
  | ({ code: 'page-outside'; place: PagePlace } & PageClues)
  | ({ code: 'page-ad'; place: PagePlace; ad: string } & PageClues)
  // a model's predictions (predictions.ts)
  | { code: 'model'; model: string; score: number }
  // the model learned from this workspace's labels (core/learn)
  | { code: 'learned'; examples: number; cues: LearnedCue[] }
  // two suggesters offer the same label: the better one's reason, then the other's (agree.ts)
  | { code: 'agreed'; first: SuggestionReason; other: { suggester: string; score: number; reason: SuggestionReason } };

/** Where in the article a paragraph the model learned from stands. */
export type LearnedPlace = 'title' | 'first-lines' | 'last-lines' | 'after-marker' | 'closing-lines';
/** What a paragraph looks like, in the model's coarse terms. */
export type LearnedShape = 'question' | 'quotation-marks' | 'figures' | 'link' | 'colon' | 'end-marker' | 'very-short' | 'short' | 'long';

/**
 * One thing that drove a learned suggestion, mapped back from the model's strongest features to
 * words an editor knows: the words themselves, the place in the article, the line's shape, how
 * often it recurs, a rule's cue, the page's structure, or the paragraph beside it.
 */
export type LearnedCue =
  | { kind: 'words'; text: string }
  | { kind: 'place'; place: LearnedPlace }
  | { kind: 'shape'; shape: LearnedShape }
  | { kind: 'recurs'; articles: number; site: boolean }
  | { kind: 'rule'; rule: RuleCode }
  | { kind: 'evidence'; name: string }
  | { kind: 'beside'; side: 'after' | 'before'; what: string };

export type ReasonCode = SuggestionReason['code'];
/** The codes of the built-in rule suggesters (the learned model reads them as features). */
export type RuleCode = Exclude<ReasonCode, 'model' | 'learned' | 'agreed'>;

/** A rule's cue in a few words, for a learned reason ("like other paragraphs with reported speech"). */
export const RULE_CUE: Record<RuleCode, string> = {
  'end-marker': 'an end marker',
  'title-repeated': 'the title printed again',
  'repeated-navigation': 'a recurring navigation line',
  'repeated-name': 'a recurring name in the footer',
  'repeated-footer': 'a recurring footer line',
  'repeated-short': 'a recurring short line',
  'repeated-in-story': 'a recurring line inside the story',
  navigation: 'navigation words in the footer',
  paid: 'a paid-content label',
  'footer-business': 'a business named in the footer',
  'footer-link': 'a link in the footer',
  'footer-name': 'a bare name in the footer',
  'selling-link': 'a link that sells something',
  'quoted-attributed': 'an attributed direct quotation',
  'saying-colon': 'a verb of saying before a colon',
  saying: 'a verb of saying',
  attributed: 'an attribution to a source',
  'headline-echo': 'a title the lead attributes to someone',
  quoted: 'words in quotation marks',
  opinion: 'a view attributed to someone',
  'quoted-term': 'a term in quotation marks',
  percentage: 'a percentage',
  'number-percent': 'a number and a percentage',
  'figure-statistic': 'a figure with a unit',
  number: 'a number',
  'number-words': 'a number in words',
  comparison: 'a comparison',
  date: 'a date',
  'page-outside': 'a place outside the article on the saved page',
  'page-ad': 'an advertising block on the saved page',
};

const LEARNED_PLACE: Record<LearnedPlace, string> = {
  title: 'in the title line',
  'first-lines': 'in the first lines',
  'last-lines': 'in the last lines',
  'after-marker': 'after the end marker',
  'closing-lines': 'in the closing lines',
};

const LEARNED_SHAPE: Record<LearnedShape, string> = {
  question: 'that end in a question mark',
  'quotation-marks': 'with quotation marks',
  figures: 'with figures',
  link: 'with a link',
  colon: 'ending in a colon',
  'end-marker': 'that are end markers',
  'very-short': 'of one to three words',
  short: 'of four to six words',
  long: 'of more than 25 words',
};

/** A cue other than words, as a phrase after "like other paragraphs …". */
function learnedCueText(cue: Exclude<LearnedCue, { kind: 'words' }>): string {
  switch (cue.kind) {
    case 'place':
      return LEARNED_PLACE[cue.place];
    case 'shape':
      return LEARNED_SHAPE[cue.shape];
    case 'recurs':
      return cue.site ? `that recur on this site (${cue.articles} articles)` : `that recur in ${cue.articles} articles`;
    case 'rule':
      return `with ${RULE_CUE[cue.rule]}`;
    case 'evidence':
      return `marked "${cue.name}" by the page's structure`;
    case 'beside':
      return `${cue.side} ${cue.what === 'end-marker' ? 'an end marker' : `a paragraph labelled ${cue.what}`}`;
  }
}

/** A learned reason's cues as one phrase: the words first («a» and «b»), then the others, by commas. */
export function joinLearnedCues(cues: readonly LearnedCue[], words: (quoted: string[]) => string, other: (cue: Exclude<LearnedCue, { kind: 'words' }>) => string, comma: string): string {
  const found = cues.flatMap((c) => (c.kind === 'words' ? [c.text] : []));
  const rest = cues.flatMap((c) => (c.kind === 'words' ? [] : [other(c)])).join(comma);
  return found.length > 0 ? `${words(found)}${rest ? ` ${rest}` : ''}` : rest;
}

const PAGE_PLACE: Record<PagePlace, string> = {
  before: "before the article's first paragraph",
  after: "after the article's last paragraph",
  inside: "inside the article's text, but cut out of it",
};
const PAGE_REGION: Record<PageRegion, string> = {
  nav: "the site's navigation",
  header: 'the page header',
  footer: 'the page footer',
  aside: 'a sidebar',
  form: 'a form',
  dialog: 'a dialog',
};

/** The clues of a page-structure reason, in English: "in the page footer (footer); a list of links: 9 of 10 words are links". */
export function pageCluesText(c: PageClues): string[] {
  const out: string[] = [];
  if (c.region && c.tag) out.push(`in ${PAGE_REGION[c.region]} (${c.tag})`);
  if (c.word) out.push(`in a block the page calls "${c.word}"`);
  if (c.links !== undefined && c.words !== undefined) {
    out.push(c.words === 1 ? 'a link' : c.links === c.words ? `a list of links: all ${c.words} words are links` : `a list of links: ${c.links} of ${c.words} words are links`);
  }
  return out;
}

const PLACE: Record<FooterPlace, string> = { 'after-marker': 'after the end marker', 'closing-lines': 'in the closing lines' };
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const recurs = (r: Recurs) => `The same line is in ${r.repeats} of ${r.articles} articles`;
const compared = (r: Compared) => (r.comparison ? ` and a comparison ("${r.comparison}")` : '');

/** The reason in English: the CLI's words, and the English UI's. */
export function reasonText(reason: SuggestionReason): string {
  switch (reason.code) {
    case 'end-marker':
      return "An end-of-story marker: the site's text, not the story's.";
    case 'title-repeated':
      return 'The title printed a second time by the page: the site’s layout, not the story.';
    case 'repeated-navigation':
      return `${recurs(reason)}, ${PLACE[reason.place]}, and reads like site navigation ("${reason.word}").`;
    case 'repeated-name':
      return `${recurs(reason)}, ${PLACE[reason.place]}; but it reads like a name, which may be a sponsor.`;
    case 'repeated-footer':
      return `${recurs(reason)}, ${PLACE[reason.place]}.`;
    case 'repeated-short':
      return `${recurs(reason)}: a short standing line, such as navigation.`;
    case 'repeated-in-story':
      return `${recurs(reason)}, but inside the story: perhaps the same story filed twice.`;
    case 'navigation':
      return `A short line ${PLACE[reason.place]} that reads like site navigation ("${reason.word}").`;
    case 'paid':
      return `Marked as paid content ("${reason.phrase}").`;
    case 'footer-business':
      return `${capital(PLACE[reason.place])}: names a kind of business or offer ("${reason.word}").`;
    case 'footer-link':
      return `${capital(PLACE[reason.place])}: a link to another site.`;
    case 'footer-name':
      return `${capital(PLACE[reason.place])}: a bare name with no navigation words, as in the sponsor lists news sites print.`;
    case 'selling-link':
      return `A short line with a link that sells something ("${reason.phrase}").`;
    case 'quoted-attributed':
      return `A direct quotation in quotation marks, attributed with "${reason.phrase}".`;
    case 'saying-colon':
      return `A verb of saying introduces speech ("${reason.phrase}:").`;
    case 'saying':
      return `Reported speech: a verb of saying ("${reason.phrase}").`;
    case 'attributed':
      return `Words attributed to a source ("${reason.phrase}").`;
    case 'headline-echo':
      return `A title whose words the lead attributes to someone ("${reason.phrase}").`;
    case 'quoted':
      return 'Three or more words in quotation marks: likely a direct quotation.';
    case 'opinion':
      return `A view attributed to someone ("${reason.phrase}").`;
    case 'quoted-term':
      return 'Quotation marks around a word or two: often a term or emphasis, not speech.';
    case 'percentage':
      return `States a percentage ("${reason.phrase}")${compared(reason)}.`;
    case 'number-percent':
      return `Gives a number ("${reason.number}") and a percentage ("${reason.percent}")${compared(reason)}.`;
    case 'figure-statistic':
      return `States a figure with a unit or statistic ("${reason.number}", "${reason.statistic}")${compared(reason)}.`;
    case 'number':
      return `States a number ("${reason.phrase}")${compared(reason)}.`;
    case 'number-words':
      return `States a number in words ("${reason.phrase}")${compared(reason)}.`;
    case 'comparison':
      return `Makes a comparison ("${reason.phrase}") but gives no figure.`;
    case 'date':
      return `Gives a date ("${reason.phrase}") but no figure.`;
    case 'page-outside': {
      const clues = pageCluesText(reason);
      return `${capital(PAGE_PLACE[reason.place])}${clues.length ? `, ${clues.join('; ')}` : ''}.`;
    }
    case 'page-ad': {
      const clues = pageCluesText(reason);
      return `In a block the page marks as an advertisement ("${reason.ad}"), ${PAGE_PLACE[reason.place]}${clues.length ? `; ${clues.join('; ')}` : ''}.`;
    }
    case 'model':
      return `Predicted by the model "${reason.model}"${reason.score < 1 ? ` with score ${reason.score.toFixed(2)}` : ''}.`;
    case 'learned': {
      const like = joinLearnedCues(reason.cues, (w) => `with ${w.map((x) => `«${x}»`).join(' and ')}`, learnedCueText, ', ');
      return `Learned from ${reason.examples} of the team's labels${like ? `: like other paragraphs ${like}` : ''}.`;
    }
    case 'agreed':
      return `${reasonText(reason.first)} Also ${reason.other.suggester} (${reason.other.score.toFixed(2)}): ${reasonText(reason.other.reason)}`;
  }
}
