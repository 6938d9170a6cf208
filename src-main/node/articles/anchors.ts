/** The text anchors of an open workspace's articles, for the store to save with every decision. */
import { anchorLookup, type AnchorLookup } from '../annotations/reanchor-layer';
import type { LoadedArticle } from '../workspace/read-article';
import type { Workspace } from '../workspace/workspace';

const lookups = new WeakMap<LoadedArticle, AnchorLookup>();

export function lookupFor(article: LoadedArticle): AnchorLookup {
  let lookup = lookups.get(article);
  if (!lookup) {
    lookup = anchorLookup(article);
    lookups.set(article, lookup);
  }
  return lookup;
}

/** Anchors of the article as last read (a save always follows a read of the same article). */
export async function articleAnchors(workspace: Workspace | null, articlePath: string): Promise<AnchorLookup | null> {
  const id = workspace?.idOfPath(articlePath);
  const article = id ? await workspace?.cached(id) : null;
  return article ? lookupFor(article) : null;
}
