/**
 * What the HTML reader learns about a saved page besides its paragraphs: its block elements
 * (parent, tag, what the page says about them) and, per paragraph, the element it came from and
 * how many of its words are links. core/page/main-text.ts turns this into evidence per paragraph;
 * none of it is exported or stored in label files.
 */

/** What the page says about an element, from its tag, its role and the words of its class and id. */
export const PAGE_FLAGS = {
  /** <article>, role=article. */
  article: 1 << 0,
  /** itemprop=articleBody: the page marks its article's body. */
  body: 1 << 1,
  /** <main>, role=main. */
  main: 1 << 2,
  /** <nav>, role=navigation|menu|menubar. */
  nav: 1 << 3,
  /** <header>. */
  header: 1 << 4,
  /** role=banner: the page's own header. */
  banner: 1 << 5,
  /** <footer>. */
  footer: 1 << 6,
  /** role=contentinfo: the page's own footer. */
  contentinfo: 1 << 7,
  /** <aside>, role=complementary. */
  aside: 1 << 8,
  /** <form>, role=search|form. */
  form: 1 << 9,
  /** <dialog open>, role=dialog|alertdialog. */
  dialog: 1 << 10,
  /** A class or id word of article content ("article", "content", "story"…). */
  positive: 1 << 11,
  /** A class or id word of page furniture ("nav", "share", "related"…): `word` says which. */
  furniture: 1 << 12,
  /** A class or id word of advertising ("ad", "advert", "sponsor"…): `ad` says which. */
  ad: 1 << 13,
  /** ul, ol, dl, menu. */
  list: 1 << 14,
} as const;

/** A block element of the page, in document order; the root (id 0) stands for the document. */
export interface PageElement {
  /** Index of the nearest enclosing block element (-1 for the root). */
  parent: number;
  tag: string;
  /** PAGE_FLAGS of the element itself. */
  flags: number;
  /** The role attribute, when it gave one of the flags (`navigation`, `banner`…). */
  role?: string;
  /** The class/id word that made it `furniture`. */
  word?: string;
  /** The class/id word that made it `ad`. */
  ad?: string;
  /** One past the index of its last descendant: its subtree is [index, end). */
  end: number;
}

/** One paragraph as the page built it. */
export interface PageBlock {
  /** Index of the innermost block element it is in. */
  element: number;
  words: number;
  /** Words inside links (<a href>). */
  linkWords: number;
  /** Of those, words in links to places on the same page (href="#…": a table of contents, notes). */
  anchorWords: number;
}

export interface PageStructure {
  elements: PageElement[];
  /** One per paragraph, in order. */
  blocks: PageBlock[];
  /** schema.org `articleBody` texts found in the page's JSON-LD. */
  articleBodies: string[];
}

/** Where a paragraph stands against the article's main text, and what in the page says so. */
export interface PageEvidence {
  place: 'main' | 'before' | 'after' | 'inside';
  /** The page region it is in, when the page names one. */
  region?: PageRegion;
  /** How the page named that region: the tag ("nav") or the role ("role=navigation"). */
  tag?: string;
  /** A class/id word of page furniture on it or around it ("share", "related"). */
  word?: string;
  /** A class/id word of advertising on it or around it ("advert"). */
  ad?: string;
  words: number;
  links: number;
  /**
   * For a paragraph cut out of the article's text (place `inside`): how many paragraphs the
   * stretch cut out between two of the article's paragraphs holds, this one included.
   */
  cutRun?: number;
}

export type PageRegion = 'nav' | 'header' | 'footer' | 'aside' | 'form' | 'dialog';
