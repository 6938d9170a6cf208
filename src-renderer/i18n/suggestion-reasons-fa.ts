/**
 * Why a suggestion is offered, in Persian: one sentence per reason code of
 * src-main/core/suggest/reasons.ts (the English ones are there, shared with the CLI). The switch
 * is exhaustive, so a new code without a Persian sentence fails typecheck.
 */
import type { PageRegion } from '../../src-main/core/page/types';
import { joinLearnedCues, type FooterPlace, type LearnedCue, type LearnedPlace, type LearnedShape, type PageClues, type PagePlace, type RuleCode, type SuggestionReason } from '../../src-main/core/suggest/reasons';
import { formatFixed, formatNumber } from './digits';

const n = (value: number) => formatNumber('fa', value);
const PLACE: Record<FooterPlace, string> = { 'after-marker': 'پس از نشانهٔ پایان خبر', 'closing-lines': 'در سطرهای پایانی' };
const recurs = (r: { repeats: number; articles: number }) => `همین سطر در ${n(r.repeats)} خبر از ${n(r.articles)} خبر آمده است`;
const compared = (r: { comparison?: string }) => (r.comparison ? ` و مقایسه‌ای («${r.comparison}»)` : '');

/** A rule's cue in a few words (RULE_CUE in reasons.ts, in Persian). */
const RULE_CUE_FA: Record<RuleCode, string> = {
  'end-marker': 'نشانهٔ پایان خبر',
  'title-repeated': 'عنوانی که دوباره چاپ شده',
  'repeated-navigation': 'سطر ناوبری تکرارشونده',
  'repeated-name': 'نامی تکرارشونده در پانوشت',
  'repeated-footer': 'سطر تکرارشوندهٔ پانوشت',
  'repeated-short': 'سطر کوتاه تکرارشونده',
  'repeated-in-story': 'سطر تکرارشونده درون متن',
  navigation: 'واژه‌های ناوبری در پانوشت',
  paid: 'برچسب محتوای پولی',
  'footer-business': 'نام کسب‌وکار در پانوشت',
  'footer-link': 'پیوند در پانوشت',
  'footer-name': 'نامی تنها در پانوشت',
  'selling-link': 'پیوندی که چیزی می‌فروشد',
  'quoted-attributed': 'نقل قول مستقیم منسوب',
  'saying-colon': 'فعل گفتن پیش از دونقطه',
  saying: 'فعل گفتن',
  attributed: 'انتساب به یک منبع',
  'headline-echo': 'عنوانی که لید آن را از زبان کسی می‌آورد',
  quoted: 'واژه‌هایی در گیومه',
  opinion: 'دیدگاهی منسوب به کسی',
  'quoted-term': 'اصطلاحی در گیومه',
  percentage: 'درصد',
  'number-percent': 'عدد و درصد',
  'figure-statistic': 'رقمی با واحد',
  number: 'عدد',
  'number-words': 'عددی به حروف',
  comparison: 'مقایسه',
  date: 'تاریخ',
  'page-outside': 'جایی بیرون از متن خبر در صفحهٔ ذخیره‌شده',
  'page-ad': 'بخشی تبلیغاتی در صفحهٔ ذخیره‌شده',
};

const LEARNED_PLACE_FA: Record<LearnedPlace, string> = {
  title: 'در سطر عنوان',
  'first-lines': 'در سطرهای نخست',
  'last-lines': 'در سطرهای آخر',
  'after-marker': 'پس از نشانهٔ پایان خبر',
  'closing-lines': 'در سطرهای پایانی',
};

const LEARNED_SHAPE_FA: Record<LearnedShape, string> = {
  question: 'که با علامت پرسش تمام می‌شوند',
  'quotation-marks': 'با گیومه',
  figures: 'با رقم',
  link: 'با پیوند',
  colon: 'که با دونقطه تمام می‌شوند',
  'end-marker': 'که نشانهٔ پایان خبرند',
  'very-short': 'با یک تا سه واژه',
  short: 'با چهار تا شش واژه',
  long: 'با بیش از ۲۵ واژه',
};

function learnedCueFa(cue: Exclude<LearnedCue, { kind: 'words' }>): string {
  switch (cue.kind) {
    case 'place':
      return LEARNED_PLACE_FA[cue.place];
    case 'shape':
      return LEARNED_SHAPE_FA[cue.shape];
    case 'recurs':
      return cue.site ? `که در این سایت تکرار می‌شوند (${n(cue.articles)} خبر)` : `که در ${n(cue.articles)} خبر تکرار می‌شوند`;
    case 'rule':
      return `با ${RULE_CUE_FA[cue.rule]}`;
    case 'evidence':
      return `که ساختار صفحه «${cue.name}» نشانشان داده است`;
    case 'beside':
      return `${cue.side === 'after' ? 'پس از' : 'پیش از'} ${cue.what === 'end-marker' ? 'نشانهٔ پایان خبر' : `بندی با برچسب «${cue.what}»`}`;
  }
}

const PAGE_PLACE: Record<PagePlace, string> = {
  before: 'پیش از نخستین بندِ متن اصلی خبر',
  after: 'پس از آخرین بندِ متن اصلی خبر',
  inside: 'درون متن خبر، ولی بیرون از متن اصلی',
};
const PAGE_REGION: Record<PageRegion, string> = {
  nav: 'در ناوبری سایت',
  header: 'در سرصفحه',
  footer: 'در پاصفحه',
  aside: 'در ستون کناری',
  form: 'در یک فرم',
  dialog: 'در یک پنجرهٔ گفت‌وگو',
};

function pageClues(c: PageClues): string[] {
  const out: string[] = [];
  if (c.region && c.tag) out.push(`${PAGE_REGION[c.region]} («${c.tag}»)`);
  if (c.word) out.push(`در بخشی که صفحه آن را «${c.word}» نامیده است`);
  if (c.links !== undefined && c.words !== undefined) {
    out.push(c.words === 1 ? 'یک پیوند' : c.links === c.words ? `فهرستی از پیوندها: هر ${n(c.words)} واژه پیوند است` : `فهرستی از پیوندها: ${n(c.links)} واژه از ${n(c.words)} واژه پیوند است`);
  }
  return out;
}

export function reasonFa(reason: SuggestionReason): string {
  switch (reason.code) {
    case 'end-marker':
      return 'نشانهٔ پایان خبر است: متنِ سایت، نه خودِ خبر.';
    case 'title-repeated':
      return 'عنوان که صفحه بار دوم چاپ کرده است: چیدمان سایت، نه خودِ خبر.';
    case 'repeated-navigation':
      return `${recurs(reason)}، ${PLACE[reason.place]}، و به پیوندهای ناوبری سایت می‌ماند («${reason.word}»).`;
    case 'repeated-name':
      return `${recurs(reason)}، ${PLACE[reason.place]}؛ ولی به یک نام می‌ماند که شاید نام حامی مالی باشد.`;
    case 'repeated-footer':
      return `${recurs(reason)}، ${PLACE[reason.place]}.`;
    case 'repeated-short':
      return `${recurs(reason)}: سطری کوتاه و همیشگی، مانند پیوندهای ناوبری.`;
    case 'repeated-in-story':
      return `${recurs(reason)}، ولی درون متن خبر: شاید همان خبر دو بار منتشر شده است.`;
    case 'navigation':
      return `سطری کوتاه ${PLACE[reason.place]} که به پیوندهای ناوبری سایت می‌ماند («${reason.word}»).`;
    case 'paid':
      return `محتوای پولی خوانده شده است («${reason.phrase}»).`;
    case 'footer-business':
      return `${PLACE[reason.place]}: نام یک کسب‌وکار یا پیشنهادی تجاری («${reason.word}»).`;
    case 'footer-link':
      return `${PLACE[reason.place]}: پیوندی به سایتی دیگر.`;
    case 'footer-name':
      return `${PLACE[reason.place]}: نامی تنها بی‌واژه‌های ناوبری، مانند فهرست حامیان مالی که سایت‌های خبری می‌آورند.`;
    case 'selling-link':
      return `سطری کوتاه با پیوند که چیزی می‌فروشد («${reason.phrase}»).`;
    case 'quoted-attributed':
      return `نقل قول مستقیم در گیومه، منسوب با «${reason.phrase}».`;
    case 'saying-colon':
      return `فعل گفتن، سخنی را آغاز می‌کند («${reason.phrase}:»).`;
    case 'saying':
      return `نقل قول غیرمستقیم: فعل گفتن («${reason.phrase}»).`;
    case 'attributed':
      return `سخنی منسوب به یک منبع («${reason.phrase}»).`;
    case 'headline-echo':
      return `عنوانی که لید همان واژه‌هایش را به کسی نسبت می‌دهد («${reason.phrase}»).`;
    case 'quoted':
      return 'سه واژه یا بیشتر در گیومه: به احتمال زیاد نقل قول مستقیم.';
    case 'opinion':
      return `دیدگاهی منسوب به کسی («${reason.phrase}»).`;
    case 'quoted-term':
      return 'گیومه دور یکی دو واژه: بیشتر اصطلاح یا تأکید است تا نقل قول.';
    case 'percentage':
      return `درصدی را بیان می‌کند («${reason.phrase}»)${compared(reason)}.`;
    case 'number-percent':
      return `عددی («${reason.number}») و درصدی («${reason.percent}») می‌آورد${compared(reason)}.`;
    case 'figure-statistic':
      return `رقمی با واحد یا آمار می‌آورد («${reason.number}»، «${reason.statistic}»)${compared(reason)}.`;
    case 'number':
      return `عددی را بیان می‌کند («${reason.phrase}»)${compared(reason)}.`;
    case 'number-words':
      return `عددی را با حروف بیان می‌کند («${reason.phrase}»)${compared(reason)}.`;
    case 'comparison':
      return `مقایسه می‌کند («${reason.phrase}») ولی رقمی نمی‌آورد.`;
    case 'date':
      return `تاریخی می‌آورد («${reason.phrase}») ولی رقمی نه.`;
    case 'page-outside': {
      const clues = pageClues(reason);
      return `${PAGE_PLACE[reason.place]}${clues.length ? `، ${clues.join('؛ ')}` : ''}.`;
    }
    case 'page-ad': {
      const clues = pageClues(reason);
      return `در بخشی که صفحه آن را تبلیغ نامیده است («${reason.ad}»)، ${PAGE_PLACE[reason.place]}${clues.length ? `؛ ${clues.join('؛ ')}` : ''}.`;
    }
    case 'model':
      return `پیش‌بینی مدل «${reason.model}»${reason.score < 1 ? ` با امتیاز ${formatFixed('fa', reason.score, 2)}` : ''}.`;
    case 'learned': {
      const like = joinLearnedCues(reason.cues, (w) => `با ${w.map((x) => `«${x}»`).join(' و ')}`, learnedCueFa, '، ');
      return `آموخته از ${n(reason.examples)} برچسبِ تیم${like ? `: مانند بندهای دیگری ${like}` : ''}.`;
    }
    case 'agreed':
      return `${reasonFa(reason.first)} همچنین «${reason.other.suggester}» (${formatFixed('fa', reason.other.score, 2)}): ${reasonFa(reason.other.reason)}`;
  }
}
