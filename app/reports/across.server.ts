import type { Db } from '#db/connection';
import { findConsultation } from '~/consultations/find.server';
import { percentageOf, type Cell } from '~/analysis/disclosure';
import { loadResults } from '~/analysis/results.server';
import type { Count } from '~/analysis/results-model';
import { findHeardPriority, findHeardTheme } from '~/reports/across/framework.server';
import { heardAbout } from '~/reports/across/heard.server';
import { directionOf, type Locale } from '~/platform/i18n/config';
import { tFor } from '~/platform/i18n/i18n.server';
import { listActions } from '~/publishing/actions.server';
import { creditText } from '~/publishing/quotes/credit';
import { creditLine, type Block, type ReportDocument } from './document';
import { actionBlocks } from './next-steps';
import { reportWords, type ReportWords } from './words.server';

// The committee report of one of the council's priorities (or a framework theme: its priorities
// together) across every consultation linked to it: the same five parts as a consultation's
// report, with each consultation's protected figures side by side (app/reports/across heardAbout).

export type AcrossScope = { kind: 'priority'; id: number } | { kind: 'theme'; id: number };

const QUOTES_PER_THEME = 3;

const cellText = (c: Cell, words: ReportWords) => (c.kind === 'shown' ? words.count(c.value) : words.fewer);
const toCell = (c: Count): Cell => (c.suppressed ? { kind: 'suppressed' } : { kind: 'shown', value: c.value });

async function scopeOf(db: Db, scope: AcrossScope, locale: Locale) {
  if (scope.kind === 'priority') {
    const priority = await findHeardPriority(db, scope.id, locale);
    return priority && { name: priority.name, about: priority.ambition, priorityIds: [priority.id] };
  }
  const theme = await findHeardTheme(db, scope.id, locale);
  return theme && { name: theme.name, about: theme.description, priorityIds: theme.priorities.map((p) => p.id) };
}

/** Responses by respondent group in one consultation, protected as on its results page. */
async function groupsBlock(db: Db, consultationId: number, title: string, locale: Locale, threshold: number, words: ReportWords): Promise<Block | null> {
  const consultation = await findConsultation(db, consultationId);
  if (!consultation) return null;
  const outcome = await loadResults(db, consultation, locale, new URLSearchParams({ breakdown: 'respondentGroup' }), threshold);
  if (!outcome.ok) return null;
  const columns = (outcome.model.questions[0] ?? outcome.model.themes[0])?.columns.filter((c) => !c.total) ?? [];
  if (columns.length === 0) return null;
  const { t } = words;
  const total = toCell(outcome.model.responses);
  return {
    kind: 'table',
    caption: t('across.groupsCaption', { consultation: title }),
    head: [outcome.model.breakdown?.label ?? '', t('who.responses'), t('who.share')],
    rows: columns.map((c) => {
      const share = percentageOf(toCell(c.responses), total);
      return [
        c.label,
        words.ofCount(c.responses),
        share.kind === 'shown' ? words.percent(share.proportion * 100) : share.kind === 'suppressed' ? words.fewer : '–',
      ];
    }),
  };
}

/** The report about a priority or a framework theme, or undefined when there is no such thing. */
export async function buildAcrossReport(
  db: Db,
  scope: AcrossScope,
  locale: Locale,
  options: { threshold: number; now?: Date },
): Promise<ReportDocument | undefined> {
  const { threshold, now = new Date() } = options;
  const about = await scopeOf(db, scope, locale);
  if (!about) return undefined;
  const words = reportWords(locale, threshold);
  const { t } = words;
  const heard = await heardAbout(db, about.priorityIds, locale, threshold, now);
  const quotesT = tFor(locale, 'quotes');
  const consultations = heard.consultations;
  const dates = (c: (typeof consultations)[number]) =>
    c.opensAt && c.closesAt ? t('across.dates', { opens: words.date(c.opensAt), closes: words.date(c.closesAt) }) : c.opensAt ? words.date(c.opensAt) : '–';

  const introduction: Block[] = [{ kind: 'paragraph', text: t('across.purpose', { name: about.name }) }];
  if (about.about.trim()) introduction.push({ kind: 'paragraph', text: about.about });
  introduction.push(
    consultations.length > 0 ? { kind: 'list', items: consultations.map((c) => c.title) } : { kind: 'paragraph', text: t('across.noConsultations') },
  );

  const engagement: Block[] =
    consultations.length === 0
      ? [{ kind: 'paragraph', text: t('across.noConsultations') }]
      : [
          { kind: 'paragraph', text: t('across.engagedIntro') },
          {
            kind: 'table',
            caption: t('across.engagedCaption'),
            head: [t('across.consultation'), t('across.when'), t('engaged.channelResponses')],
            rows: consultations.map((c) => [c.title, dates(c), cellText(c.responses, words)]),
          },
        ];

  const heardBlocks: Block[] = [{ kind: 'paragraph', text: t('across.heardIntro') }];
  const usedQuotes = new Set<number>();
  for (const c of consultations) {
    heardBlocks.push({ kind: 'subheading', text: c.title });
    heardBlocks.push({ kind: 'paragraph', text: t('heard.coded', { coded: cellText(c.codedAnswers, words) }) });
    if (c.themes.length === 0) {
      heardBlocks.push({ kind: 'paragraph', text: t('across.noThemes') });
      continue;
    }
    heardBlocks.push({
      kind: 'table',
      caption: t('across.themesCaption', { consultation: c.title }),
      head: [t('heard.theme'), t('heard.answers'), t('heard.share')],
      rows: c.themes.map((theme) => [
        theme.name,
        cellText(theme.mentions, words),
        theme.share.kind === 'shown' ? words.percent(theme.share.proportion * 100) : theme.share.kind === 'suppressed' ? words.fewer : '–',
      ]),
    });
    for (const theme of c.themes) {
      const quotes = heard.quotes.filter((q) => q.theme?.id === theme.id).slice(0, QUOTES_PER_THEME);
      if (quotes.length === 0) continue;
      heardBlocks.push({ kind: 'paragraph', text: t('across.quotesAbout', { theme: theme.name }) });
      for (const q of quotes) {
        usedQuotes.add(q.id);
        heardBlocks.push({ kind: 'quote', text: q.text, credit: creditLine(creditText(q.credit, quotesT), locale) });
      }
    }
  }
  const others = heard.quotes.filter((q) => !usedQuotes.has(q.id)).slice(0, QUOTES_PER_THEME);
  if (others.length > 0) {
    heardBlocks.push({ kind: 'subheading', text: t('across.otherQuotes') });
    for (const q of others)
      heardBlocks.push({ kind: 'quote', text: q.text, credit: `${creditLine(creditText(q.credit, quotesT), locale)} (${q.consultationTitle})` });
  }

  const who: Block[] = [{ kind: 'paragraph', text: t('across.whoIntro') }];
  for (const c of consultations) {
    const block = await groupsBlock(db, c.id, c.title, locale, threshold, words);
    if (block) who.push(block);
  }

  const actions = (await Promise.all(consultations.map((c) => listActions(db, c.id, locale))))
    .flat()
    .filter((a) => a.priority && about.priorityIds.includes(a.priority.id));
  const scopeText = t('across.scope', { count: consultations.length, name: about.name });
  return {
    locale,
    dir: directionOf(locale),
    kicker: t('kicker'),
    title: about.name,
    meta: [t('meta.date', { date: words.date(now.toISOString()) }), scopeText, t('meta.threshold', { fewer: words.fewer })],
    sections: [
      { id: 'introduction', heading: t('sections.introduction'), blocks: introduction },
      { id: 'engagement', heading: t('sections.engagement'), blocks: engagement },
      { id: 'heard', heading: t('sections.heard'), blocks: heardBlocks },
      { id: 'who', heading: t('sections.who'), blocks: who },
      { id: 'next', heading: t('sections.next'), blocks: actionBlocks(actions, words) },
    ],
  };
}
