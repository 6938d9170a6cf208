/**
 * A synthetic saved news page of about the size asked for (issue 14's speed target is a 150 kB
 * page): a header with a navigation menu and a hidden site index, a Persian or English story with
 * links, quotes and an ad slot, a share bar, related links, a comment thread, a footer, and the
 * scripts and styles real pages carry. Seeded, so runs compare.
 */
import { Prng } from './prng';
import { ENGLISH_WORDS, PERSIAN_WORDS, SECTIONS } from './words';

function sentence(rng: Prng, lang: 'fa' | 'en', words: number): string {
  const pool = lang === 'fa' ? PERSIAN_WORDS : ENGLISH_WORDS;
  const out = Array.from({ length: words }, () => rng.pick(pool));
  if (rng.chance(0.3)) out.splice(rng.int(1, out.length - 1), 0, `<a href="/news/${rng.int(1, 9999)}">${rng.pick(pool)} ${rng.pick(pool)}</a>`);
  return `${out.join(' ')}${lang === 'fa' ? '،' : ','} ${Array.from({ length: 6 }, () => rng.pick(pool)).join(' ')}.`;
}

function links(rng: Prng, lang: 'fa' | 'en', count: number, words = 2): string {
  const pool = lang === 'fa' ? PERSIAN_WORDS : ENGLISH_WORDS;
  return Array.from({ length: count }, () => `<li><a href="/${rng.pick(SECTIONS)}/${rng.int(1, 9999)}">${Array.from({ length: words }, () => rng.pick(pool)).join(' ')}</a></li>`).join('');
}

export function newsPage(bytes: number, lang: 'fa' | 'en' = 'fa', seed = 14): string {
  const rng = new Prng(seed);
  const head = `<!DOCTYPE html><html lang="${lang}" dir="${lang === 'fa' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${sentence(rng, lang, 8)}</title>
<style>${'.c{color:#333}'.repeat(400)}</style><script>${'var x=1;'.repeat(800)}</script></head><body>`;
  const top = `<header class="site-header"><nav class="main-menu"><ul>${links(rng, lang, 40)}</ul></nav>
<div class="site-index" style="display:none"><ul>${links(rng, lang, 120)}</ul></div></header>`;
  const footer = `<footer class="site-footer"><ul>${links(rng, lang, 40)}</ul><p>© 2024</p></footer><script>${'track();'.repeat(500)}</script></body></html>`;
  let story = `<main><article><h1>${sentence(rng, lang, 8)}</h1><div class="article-body">`;
  let tail = `</div><div class="share-bar">${links(rng, lang, 5, 1)}</div></article><aside class="related"><h2>${rng.pick(SECTIONS)}</h2><ul>${links(rng, lang, 30, 6)}</ul></aside>`;
  tail += `<section class="comments">${Array.from({ length: 40 }, () => `<div class="comment"><p>${sentence(rng, lang, 12)}</p><button>reply</button></div>`).join('')}</section></main>`;
  let size = [head, top, footer, tail, story].reduce((sum, part) => sum + Buffer.byteLength(part), 0);
  for (let n = 0; size < bytes; n++) {
    const paragraph = n % 9 === 4 ? `<div class="ad-slot"><p>Advertisement</p></div>` : `<p>${sentence(rng, lang, rng.int(20, 45))}</p>`;
    story += paragraph;
    size += Buffer.byteLength(paragraph);
  }
  return head + top + story + tail + footer;
}
