/** A workspace two teammates labelled and disagree in: for the export's ties and undecided counts. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { segmentArticle } from '../../src-main/core/article';
import { annotationFilePath } from '../../src-main/node/annotations/paths';

const AT = '2026-11-27T10:00:00.000Z';

/**
 * `count` small Persian articles of three paragraphs in `agency/` (listed before the sample's articles). "sara" and "reza" both tag the
 * quote (a majority answer), disagree on the title (sara: claim, reza: none — a tie), and leave
 * the end line undecided.
 */
export async function addDisagreeingArticles(workspace: string, count: number): Promise<void> {
  await mkdir(join(workspace, 'agency'), { recursive: true });
  for (let i = 0; i < count; i++) {
    const path = `agency/report-${i}.txt`;
    const text = `گزارش شمارهٔ ${i}\nوزیر گفت: «طرح ${i} اجرا می‌شود.»\nانتهای پیام\n`;
    await writeFile(join(workspace, path), text);
    const [title, quote] = segmentArticle(text, 'txt').paragraphs;
    for (const [annotator, titleLabels] of [['sara', ['claim']], ['reza', []]] as const) {
      const file = annotationFilePath(workspace, annotator, path);
      await mkdir(dirname(file), { recursive: true });
      const paragraphs = { [title!.id]: { index: 0, labels: titleLabels, updated_at: AT }, [quote!.id]: { index: 1, labels: ['quote'], updated_at: AT } };
      await writeFile(file, JSON.stringify({ version: 1, article: path, annotator, updated_at: AT, status: 'in_progress', orphans: [], paragraphs }));
    }
  }
}
