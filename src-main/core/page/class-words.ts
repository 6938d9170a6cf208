/**
 * The words pages put in class and id names to say what a block is. They are general words of
 * web authoring, matched as whole words of the name ("site-nav", "shareBar", "related_posts"),
 * never as substrings ("header" is not "head", "read" is not "ad"), and never a particular
 * site's names.
 */

/** Content: the article, its body, its text. */
const POSITIVE = new Set(['article', 'articles', 'body', 'content', 'contents', 'entry', 'hentry', 'main', 'post', 'story', 'text', 'blog', 'prose']);

/** Page furniture: navigation, sharing, related links, comments, sign-ups, notices. */
const FURNITURE = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'menubar', 'submenu', 'dropdown', 'footer', 'masthead', 'sidebar',
  'widget', 'widgets', 'share', 'sharing', 'shares', 'social', 'related', 'recommended', 'recommendations',
  'comment', 'comments', 'reply', 'replies', 'subscribe', 'subscription', 'newsletter', 'signup', 'cookie',
  'cookies', 'consent', 'gdpr', 'breadcrumb', 'breadcrumbs', 'pagination', 'pager', 'popup', 'toolbar',
  'login', 'skip', 'copyright', 'trending', 'popular', 'tags', 'tagged', 'taglist', 'follow', 'banner',
  'promo', 'disclaimer',
]);

/** The furniture words of sharing: a block they name is a share bar, whatever else is around it. */
const SHARE = new Set(['share', 'sharing', 'shares', 'social', 'follow']);

/** Whether a furniture word (ClassWords.furniture) names a share bar. */
export const isShareWord = (word: string): boolean => SHARE.has(word);

/** Advertising. */
const ADS = new Set([
  'ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'advertisements', 'advertising', 'advertorial',
  'sponsor', 'sponsors', 'sponsored', 'sponsorship', 'promoted', 'dfp', 'adsense', 'adslot', 'adunit', 'adbox',
  'adsbygoogle', 'adcontainer', 'adwrapper', 'commercial',
]);

export interface ClassWords {
  positive: boolean;
  furniture: string | null;
  ad: string | null;
}

const NONE: ClassWords = { positive: false, furniture: null, ad: null };

/**
 * A part of a name with a letter after a digit ("e1ad", "1efa", "css-3ad9fz") is one a tool
 * made (a hash, a generated id), not words an author chose: its letters are not read, or a
 * paragraph whose id is "e1ad" would be an "ad". A number after a word ("ad2", "header1") is
 * still the word's.
 */
const GENERATED = /\d[a-z]/i;

/** The words of a class or id value: split at non-letters and at lower-to-upper case changes, lower-cased; a generated part's letters are left out. */
export function nameWords(value: string): string[] {
  if (!/\d/.test(value)) return letterWords(value);
  return letterWords(
    value
      .split(/[^A-Za-z0-9]+/)
      .filter((part) => !GENERATED.test(part))
      .join(' '),
  );
}

const letterWords = (value: string) =>
  value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);

/** An id of more words than this is a heading's anchor ("sharing-with-a-single-developer"), not a name for a block. */
const ID_WORDS = 3;

/** Pages repeat the same class names on many blocks: each name is read once (the memo is bounded). */
const memo = new Map<string, ClassWords>();
const MEMO_SIZE = 4096;

/** What the class and id of an element say it is. */
export function classWords(className: string, id: string): ClassWords {
  if (!className && !id) return NONE;
  const key = `${className}\u0000${id}`;
  const known = memo.get(key);
  if (known) return known;
  const found = readClassWords(className, id);
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(key, found);
  return found;
}

function readClassWords(className: string, id: string): ClassWords {
  let positive = false;
  let furniture: string | null = null;
  let ad: string | null = null;
  const idWords = id ? nameWords(id) : [];
  // Counted with its generated parts: "like-post-wrapper-58c90c896e67b" is a long id, not "like post wrapper".
  const names = [...(className ? nameWords(className) : []), ...(id && letterWords(id).length <= ID_WORDS ? idWords : [])];
  for (const word of names) {
    if (POSITIVE.has(word)) positive = true;
    else if (furniture === null && FURNITURE.has(word)) furniture = word;
    else if (ad === null && ADS.has(word)) ad = word;
  }
  return positive || furniture || ad ? { positive, furniture, ad } : NONE;
}
