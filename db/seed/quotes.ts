import { sql } from 'kysely';
import { TEXT_KINDS } from '../../app/consultations/question-kinds';
import { suggestThemes } from '../../app/coding/suggest';
import { textLanguageOf } from '../../app/coding/text';
import type { Db } from '../connection';

// Demo quotes, so "what we heard" across consultations has people's own words to show: for each
// priority a demo consultation is linked to, up to two sentences from answers that speak to it,
// only from counted responses whose respondent agreed to be quoted (never an under-13). The
// answers are taken in id order, so the same seed always gives the same quotes.
// Where answers are coded (the parks consultation, parks-coding.ts), each codebook theme also
// gets quotes, from answers whose counting coding has the theme, under the same rules: the
// sentence holding the words that matched the theme's keywords.

const PER_PRIORITY = 2;
const PER_THEME = 2;
/** Answers read per priority to find sentences not quoted yet. */
const CANDIDATES = 200;

/** Words that suggest an answer speaks to a priority of the demo framework. */
const KEYWORDS: Record<string, readonly string[]> = {
  caring_growing: ['care', 'older people'],
  healthy_happy: ['health', 'GP'],
  strong_supportive: ['neighbours', 'together', 'volunteers'],
  fair_inclusive: ['not online', 'afford', 'everyone can'],
  flourishing_creative: ['park', 'museum', 'Plaza'],
  climate_friendly: ['cycle', 'buses', 'trees', 'recycle', 'green'],
  enterprising_thriving: ['business', 'shops'],
  skilled_confident: ['job', 'school'],
  radically_digital: ['online', 'broadband', 'computers'],
};

/** The sentence of an answer that holds the keyword: one unbroken part of it, as a picked excerpt must be. */
function sentenceWith(text: string, keyword: string): string {
  const sentences = text.split(/(?<=[.!?])\s+/);
  return sentences.find((s) => s.toLowerCase().includes(keyword.toLowerCase()))?.trim() ?? text.trim();
}

export async function seedDemoQuotes(db: Db, today: Date): Promise<number> {
  const links = await db
    .selectFrom('consultation_priorities')
    .innerJoin('priorities', 'priorities.id', 'consultation_priorities.priority_id')
    .innerJoin('consultations', 'consultations.id', 'consultation_priorities.consultation_id')
    .select(['consultation_priorities.consultation_id', 'priorities.id as priority_id', 'priorities.key'])
    .where('consultations.status', '!=', 'draft')
    .orderBy('consultation_priorities.consultation_id')
    .orderBy('priorities.position')
    .execute();
  const quoted = new Set<number>();
  const sentences = new Set<string>();
  let added = 0;
  for (const link of links) {
    const keywords = KEYWORDS[link.key] ?? [];
    if (keywords.length === 0) continue;
    const answers = await db
      .selectFrom('answers')
      .innerJoin('responses', 'responses.id', 'answers.response_id')
      .innerJoin('questions', 'questions.id', 'answers.question_id')
      .select(['answers.id', 'answers.value_text'])
      .where('responses.consultation_id', '=', link.consultation_id)
      .where('responses.status', '=', 'counted')
      .where('responses.quote_consent', '=', 1)
      .where('responses.never_attribute', '=', 0)
      .where('responses.locale', '=', 'en')
      .where('questions.kind', 'in', TEXT_KINDS)
      .where((eb) => eb.or(keywords.map((k) => eb(sql`lower(${sql.ref('answers.value_text')})`, 'like', `%${k.toLowerCase()}%`))))
      .orderBy('answers.id')
      .limit(CANDIDATES)
      .execute();
    let picked = 0;
    for (const answer of answers) {
      if (picked === PER_PRIORITY) break;
      const text = answer.value_text ?? '';
      const keyword = keywords.find((k) => text.toLowerCase().includes(k.toLowerCase())) ?? '';
      const sentence = sentenceWith(text, keyword);
      // Generated answers repeat their sentences: each is quoted once, from one person.
      if (quoted.has(answer.id) || sentences.has(sentence)) continue;
      quoted.add(answer.id);
      sentences.add(sentence);
      await db
        .insertInto('quotes')
        .values({
          consultation_id: link.consultation_id,
          answer_id: answer.id,
          theme_id: null,
          priority_id: link.priority_id,
          text: sentence,
          picked_by: null,
          picked_at: today.toISOString(),
        })
        .execute();
      picked++;
      added++;
    }
  }
  return added + (await seedThemeQuotes(db, today, quoted, sentences));
}

/** Quotes for every codebook theme that has coded answers, skipping answers and sentences already quoted. */
async function seedThemeQuotes(db: Db, today: Date, quoted: Set<number>, sentences: Set<string>): Promise<number> {
  const themes = await db
    .selectFrom('codebook_themes')
    .innerJoin('consultations', 'consultations.id', 'codebook_themes.consultation_id')
    .select(['codebook_themes.id', 'codebook_themes.consultation_id', 'codebook_themes.keywords'])
    .where('consultations.status', '!=', 'draft')
    .orderBy('codebook_themes.consultation_id')
    .orderBy('codebook_themes.position')
    .execute();
  let added = 0;
  for (const theme of themes) {
    // The seed codes each answer once (one coder), so any coding of it is the one that counts.
    const answers = await db
      .selectFrom('coding_themes')
      .innerJoin('answers', 'answers.id', 'coding_themes.answer_id')
      .innerJoin('responses', 'responses.id', 'answers.response_id')
      .select(['answers.id', 'answers.value_text', 'responses.locale'])
      .where('coding_themes.theme_id', '=', theme.id)
      .where('responses.consultation_id', '=', theme.consultation_id)
      .where('responses.status', '=', 'counted')
      .where('responses.quote_consent', '=', 1)
      .where('responses.never_attribute', '=', 0)
      .orderBy('answers.id')
      .limit(CANDIDATES)
      .execute();
    let picked = 0;
    for (const answer of answers) {
      if (picked === PER_THEME) break;
      const text = answer.value_text ?? '';
      const matched = suggestThemes(text, textLanguageOf(answer.locale), [theme])[0]?.matched[0];
      if (!matched) continue;
      const sentence = sentenceWith(text, matched);
      if (quoted.has(answer.id) || sentences.has(sentence)) continue;
      quoted.add(answer.id);
      sentences.add(sentence);
      await db
        .insertInto('quotes')
        .values({
          consultation_id: theme.consultation_id,
          answer_id: answer.id,
          theme_id: theme.id,
          priority_id: null,
          text: sentence,
          picked_by: null,
          picked_at: today.toISOString(),
        })
        .execute();
      picked++;
      added++;
    }
  }
  return added;
}
