/**
 * Finding the article on a saved page and offering the rest as boilerplate or ad (issue 14,
 * item 2), on pages of our own (test/fixtures/pages/). Every paragraph stays.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeEdit } from '../../../../src-main/core/edits';
import { reasonText } from '../../../../src-main/core/suggest/reasons';
import { suggestFromPage } from '../../../../src-main/core/suggest/page-structure';
import { suggestArticles } from '../../../../src-main/core/suggest/suggest';
import { defaultSuggestSettings, thresholdOf, type SuggestSettings } from '../../../../src-main/core/suggest/types';
import { extractHtml } from '../../../../src-main/node/formats/html';
import { suggestArticleOf } from '../../../../src-main/node/suggest/gather';
import { articleFromBytes } from '../../../support/article-from-bytes';
import type { ArticleSettings } from '../../../../src-main/node/articles/settings';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/pages/${name}`, import.meta.url), 'utf8');
const places = (html: string) => extractHtml(html).page!.evidence.map((e) => e.place);

async function loaded(name: string, settings: ArticleSettings | null = null) {
  const bytes = new Uint8Array(readFileSync(new URL(`../../../fixtures/pages/${name}`, import.meta.url)));
  return articleFromBytes(bytes, 'html', name, settings);
}

function suggestionsOf(article: Awaited<ReturnType<typeof loaded>>, settings: SuggestSettings = defaultSuggestSettings()) {
  const found = suggestArticles([suggestArticleOf(article)], { settings }).get(article.path) ?? {};
  return article.paragraphs.map((p) => (found[p.id] ?? []).filter((s) => s.suggester === 'page-structure'));
}

describe('the article on a saved news page', () => {
  it('keeps every paragraph and finds the headline and the story among the navigation, ads, share bar, related links and footer', () => {
    const article = extractHtml(fixture('news-page.html'));
    expect(article.blocks).toHaveLength(25);
    const evidence = article.page!.evidence;
    expect(evidence.flatMap((e, i) => (e.place === 'main' ? [i] : []))).toEqual([7, 9, 10, 13, 14]);
    expect(evidence.slice(0, 7).every((e) => e.place === 'before')).toBe(true);
    expect(evidence[8]!.place).toBe('before'); // the byline, between the headline and the story
    expect([evidence[11]!.place, evidence[12]!.place]).toEqual(['inside', 'inside']); // the advert in the story
    expect(evidence.slice(15).every((e) => e.place === 'after')).toBe(true);
  });

  it('offers every paragraph outside the story as boilerplate, or as an ad on ad evidence, with a score and the evidence in the reason', async () => {
    const article = await loaded('news-page.html');
    const found = suggestionsOf(article);
    const mainText = [7, 9, 10, 13, 14];
    found.forEach((suggestions, i) => expect(suggestions).toHaveLength(mainText.includes(i) ? 0 : 1));
    const reason = (i: number) => reasonText(found[i]![0]!.reason);
    expect(found[1]![0]).toMatchObject({ label: 'boilerplate', score: 0.95 });
    expect(reason(1)).toBe('Before the article\'s first paragraph, in the site\'s navigation (nav); in a block the page calls "nav"; a link.');
    expect(reason(6)).toBe('Before the article\'s first paragraph, in a block the page calls "breadcrumbs"; a list of links: all 3 words are links.');
    expect(found[12]![0]).toMatchObject({ label: 'ad', score: 0.7 });
    expect(reason(12)).toBe('In a block the page marks as an advertisement ("advert"), inside the article\'s text, but cut out of it.');
    expect(reason(15)).toContain('in a block the page calls "share"');
    expect(reason(18)).toBe('After the article\'s last paragraph, in a sidebar (aside); in a block the page calls "related"; a list of links: all 7 words are links.');
    expect(reason(21)).toBe('After the article\'s last paragraph, in the page footer (footer); in a block the page calls "footer".');
    for (const s of found.flat()) expect(s.score).toBeGreaterThanOrEqual(0.5);
  });

  it('is a built-in suggester the settings turn off', async () => {
    const article = await loaded('news-page.html');
    expect(suggestionsOf(article, { enabled: { 'page-structure': false }, thresholds: {} }).flat()).toEqual([]);
  });

  it('says where the main text starts, and its evidence follows the editor\'s merges', async () => {
    const article = await loaded('news-page.html');
    expect(article.mainStart).toBe(7);
    expect(article.evidence).toHaveLength(article.paragraphs.length);
    const merged = await loaded('news-page.html', { version: 1, edits: [mergeEdit(article.text, article.blocks, 0)] } as ArticleSettings);
    expect(merged.paragraphs).toHaveLength(24);
    expect(merged.evidence).toHaveLength(24);
    expect(merged.mainStart).toBe(6);
    expect(merged.evidence![6]!.place).toBe('main');
  });
});

describe('evidence of where the article is', () => {
  it('takes the block holding the JSON-LD articleBody as the article, over a longer block of comma-rich letters', () => {
    expect(places(fixture('json-ld-body.html'))).toEqual(['main', 'main', 'main', 'main', 'after', 'after', 'after']);
    // Without the JSON-LD, the letters would win: the test depends on it.
    expect(places(fixture('json-ld-body.html').replace(/<script[\s\S]*?<\/script>/, ''))).not.toEqual(['main', 'main', 'main', 'main', 'after', 'after', 'after']);
  });

  const story = (n: number) => `<p>Paragraph ${n} of the story, which goes on for a while, with commas, clauses, and details, as stories do, until it ends.</p>`;
  const letters = '<p>Letters: the valley, its hills, its rivers, its mills, its orchards, its roads, its bridges, its winters, its summers, its people, worth a visit.</p>';

  it('prefers the block marked itemprop=articleBody', () => {
    const html = `<div><div>${letters}${letters}${letters}</div><div itemprop="articleBody">${story(1)}${story(2)}</div></div>`;
    expect(places(html)).toEqual(['before', 'before', 'before', 'main', 'main']);
  });

  it('does not take a layout wrapper holding the headline for furniture because its class names a sidebar or an ad frame', () => {
    const html = `<div class="layout-two-col-sidebar-right"><nav><a href="/">Home</a></nav><h1>Ferry returns</h1><div>${story(1)}${story(2)}${story(3)}</div></div>`;
    expect(places(html)).toEqual(['before', 'main', 'main', 'main', 'main']);
    expect(places(html.replace('layout-two-col-sidebar-right', 'ad-portal'))).toEqual(['before', 'main', 'main', 'main', 'main']);
    // A sidebar that holds no headline is a sidebar, however much running text it has.
    expect(places(`<div>${story(1)}${story(2)}${story(3)}</div><div class="sidebar">${story(4)}${story(5)}${story(6)}${story(7)}</div>`)).toEqual(['main', 'main', 'main', 'after', 'after', 'after', 'after']);
  });

  it('takes the headline and the standfirst under it into the article, and leaves the share bar between them and the story out', () => {
    const dek = '<p class="dek">The mother of a woman who took pills bought online says the shop knew they were dangerous.</p>';
    const html = `<nav><a href="/">Home</a></nav><div class="top"><h1>Ferry returns</h1>${dek}</div><div class="share"><a href="/s">Share this story on every network you use today</a></div><div>${story(1)}${story(2)}${story(3)}</div>`;
    expect(places(html)).toEqual(['before', 'main', 'main', 'before', 'main', 'main', 'main']);
  });

  it('reads a long id as a heading anchor, not as a class word ("sharing-with-a-single-developer")', () => {
    const html = `<div class="body">${story(1)}<div class="section" id="sharing-with-a-single-developer"><h2>Sharing with a single developer</h2>${story(2)}</div>${story(3)}</div>`;
    expect(places(html).every((p) => p === 'main')).toBe(true);
  });

  it('does not read the letters of a tool-made id or class ("e1ad", "css-3ad9fz") as words: a story paragraph with such an id is no ad, an "ad2" block still is', () => {
    const html = `<h1>Ferry returns</h1><div class="article-body">${story(1).replace('<p>', '<p id="e1ad">')}<p id="3ad9" class="css-7ad2fe">Paragraph 2 of the story, which goes on for a while, with commas, clauses, and details.</p>${story(3)}<div class="ad2"><a href="/x">Ferries for sale</a></div>${story(4)}</div>`;
    const evidence = extractHtml(html).page!.evidence;
    expect(evidence.map((e) => e.ad ?? null)).toEqual([null, null, null, null, 'ad', null]);
    expect(evidence.map((e) => e.place)).toEqual(['main', 'main', 'main', 'main', 'inside', 'main']);
  });

  it('reads an id with a generated part as a long id, not as its few words ("like-post-wrapper-58c90c896e67b" is not a "post")', () => {
    const likes = '<div class="likes-widget" id="like-post-wrapper-58c90c896e67b"><h3>Like this:</h3></div>';
    const html = `<h1>Ferry returns</h1><div class="article-body">${story(1)}${story(2)}${likes}${story(3)}${story(4)}${likes}${story(5)}</div>`;
    expect(extractHtml(html).page!.evidence.map((e) => e.place)).toEqual(['main', 'main', 'main', 'inside', 'main', 'main', 'inside', 'main']);
  });

  it('keeps a table of contents (links within the page) and a data table inside the article', () => {
    const toc = '<div id="toc"><h2>Contents</h2><ul><li><a href="#a">1 History</a></li><li><a href="#b">2 Geography</a></li><li><a href="#c">3 Economy</a></li></ul></div>';
    const table = '<table><tr><th>Capital</th><td><a href="/w">Wellington</a></td></tr><tr><th>Largest city</th><td><a href="/a">Auckland</a></td></tr></table>';
    const html = `<div class="content">${story(1)}${toc}${story(2)}${table}${story(3)}</div>`;
    expect(places(html).every((p) => p === 'main')).toBe(true);
  });
});

describe('what is offered inside the article', () => {
  const story = (n: number) => `<p>Paragraph ${n} of the story, which goes on for a while, with commas, clauses, and details, as stories do, until it ends.</p>`;
  const premarked = (html: string) => {
    const threshold = thresholdOf(defaultSuggestSettings(), 'boilerplate');
    return extractHtml(html).page!.evidence.map((e) => e.place !== 'main' && (suggestFromPage(e)?.score ?? 0) >= threshold);
  };

  it('does not pre-mark a line cut out between two of the story\'s paragraphs on a class word alone (a caption in a "widget"), but does a share bar, a line of links and a longer stretch', () => {
    const caption = '<div class="media-widget"><div class="caption">Boats at the pier at dawn, before the first crossing</div></div>';
    const share = '<div class="share-tools"><a href="/s/fb">Share on Facebook</a> <a href="/s/x">Share on X</a></div>';
    const player = '<div class="player-widget"><div>Play</div><div>Current time 0:00</div><div>Duration 1:20</div></div>';
    const more = '<div class="more"><p><a href="/n/2">Read more: Council plans a second ferry route</a></p></div>';
    const html = `<h1>Ferry returns</h1><div class="article-body">${story(1)}${caption}${story(2)}${share}${story(3)}${player}${story(4)}${more}${story(5)}</div>`;
    expect(extractHtml(html).page!.evidence.map((e) => e.place)).toEqual(['main', 'main', 'inside', 'main', 'inside', 'main', 'inside', 'inside', 'inside', 'main', 'inside', 'main']);
    expect(premarked(html)).toEqual([false, false, false, false, true, false, true, true, true, false, true, false]);
    // The caption's evidence is kept, under the threshold.
    expect(suggestFromPage(extractHtml(html).page!.evidence[2])).toMatchObject({ label: 'boilerplate', score: 0.45, reason: { code: 'page-outside', place: 'inside', word: 'widget' } });
  });
});

describe('repetition across the workspace and the page\'s structure together', () => {
  const story = (page: number, n: number) => `<p>Paragraph ${n} of story ${page}, which goes on for a while, with commas, clauses, and details, as stories do, until it ends.</p>`;
  /** Twenty saved pages of one site: three carry "Sports" and "Travel" inside the story, and all carry "Story continues below". */
  const pages = () =>
    Promise.all(
      Array.from({ length: 20 }, (_, k) => {
        const chance = k < 3 ? '<p>Sports</p><p>Travel</p>' : '';
        const html = `<h1>Story ${k}</h1><div class="article-body">${story(k, 1)}${chance}${story(k, 2)}<p>Story continues below</p>${story(k, 3)}</div>`;
        return articleFromBytes(new TextEncoder().encode(html), 'html', `page-${k}.html`);
      }),
    );
  const boilerplateOf = (found: Map<string, Record<string, { label: string; suggester: string }[]>>, article: Awaited<ReturnType<typeof loaded>>, text: string) => {
    const p = article.paragraphs.find((q) => q.text === text)!;
    return (found.get(article.path)![p.id] ?? []).filter((s) => s.label === 'boilerplate').map((s) => s.suggester);
  };

  it('does not offer a short line the page puts in its story as boilerplate because it recurs, with a neighbour, in a few pages; a line in most of them it does', async () => {
    const articles = await pages();
    expect(articles[0]!.evidence!.map((e) => e.place)).toEqual(['main', 'main', 'main', 'main', 'main', 'main', 'main']);
    const found = suggestArticles(articles.map(suggestArticleOf), { settings: defaultSuggestSettings() });
    expect(boilerplateOf(found, articles[0]!, 'Sports')).toEqual([]);
    expect(boilerplateOf(found, articles[0]!, 'Travel')).toEqual([]);
    expect(boilerplateOf(found, articles[5]!, 'Story continues below')).toEqual(['repeated']);
    // The same lines in plain text, where no page says where the story is, are still the site's.
    const plain = articles.map((a) => ({ ...suggestArticleOf(a), evidence: undefined }));
    const withoutPage = suggestArticles(plain, { settings: defaultSuggestSettings() });
    expect(boilerplateOf(withoutPage, articles[0]!, 'Sports')).toEqual(['repeated']);
  });
});
