import { useTranslation } from 'react-i18next';
import type { ConsultationDef, GridDef, QuestionDef, SectionDef } from '~/consultations/definition';
import { groupByGrid } from '~/consultations/grids/group';
import type { WardOption } from '~/framework/places/ward';
import { ABOUT_YOU_FIELD_NAMES, PREFER_NOT, WARD_UNKNOWN } from '~/responses/demographics';
import { otherField, questionField } from '~/responses/fields';
import { surveyPath } from '~/responses/paths';
import { SENSITIVE_FIELDS, type MayAsk } from '~/responses/safeguarding';
import { listOf, textOf, useChoiceLabel, type Values } from './QuestionField';
import { SummaryList, type SummaryRow } from '../../ui/SummaryList';

type Row = SummaryRow;

const isSensitive = (field: string) => (SENSITIVE_FIELDS as readonly string[]).includes(field);

function Rows({ rows }: { rows: Row[] }) {
  const { t } = useTranslation('survey');
  return <SummaryList rows={rows} empty={t('check.notAnswered')} change={t('check.change')} changeLabel={(question) => t('check.changeLabel', { question })} />;
}

/** A section's questions as runs of ordinary questions and grids, each shown as one list. */
function blocksOf(questions: QuestionDef[]): { grid: GridDef | null; questions: QuestionDef[] }[] {
  const blocks: { grid: GridDef | null; questions: QuestionDef[] }[] = [];
  for (const g of groupByGrid(questions)) {
    const last = blocks.at(-1);
    if (g.kind === 'grid') blocks.push({ grid: g.grid, questions: g.questions });
    else if (last && !last.grid) last.questions.push(g.question);
    else blocks.push({ grid: null, questions: [g.question] });
  }
  return blocks;
}

/** Everything a person is about to send, section by section, each with a link to change it. */
export function CheckAnswers({
  def,
  values,
  may,
  wards,
}: {
  /** The sections on this person's route, each with only the questions it asks, and their step ids (steps.ts). */
  def: Pick<ConsultationDef, 'slug' | 'askAboutYou'> & { sections: { id: string; section: SectionDef }[] };
  values: Values;
  /** What this person may be asked (safeguarding.ts): a child's page shows no sensitive answers and no credit. */
  may: MayAsk;
  wards: WardOption[];
}) {
  const { t } = useTranslation('survey');
  const { t: tAbout } = useTranslation('about');
  const choiceLabel = useChoiceLabel();
  const change = (step: string, field: string) => `${surveyPath(def.slug, step)}?return=check#${field}`;

  const answerOf = (q: QuestionDef): string[] => {
    const name = questionField(q.key);
    if (q.kind === 'short_text' || q.kind === 'long_text') return textOf(values[name]).trim() ? [textOf(values[name])] : [];
    const chosen = listOf(values[name]).filter(Boolean);
    const other = textOf(values[otherField(q.key)]);
    return chosen.map((key, i) => {
      const label = choiceLabel(q, key);
      const prefix = q.kind === 'ranking' ? `${i + 1}. ` : '';
      const isOther = q.options.find((o) => o.key === key)?.isOther;
      return `${prefix}${label}${isOther && other ? `: ${other}` : ''}`;
    });
  };
  const aboutLabel = (field: string, code: string) => {
    if (code === PREFER_NOT) return tAbout('preferNot');
    if (field === 'ward') return code === WARD_UNKNOWN ? tAbout('ward.unknown') : (wards.find((w) => w.code === code)?.name ?? code);
    return tAbout(`${field}.${code}`);
  };

  const aboutRows: Row[] = [
    {
      id: 'connections',
      label: tAbout('connections.question'),
      answer: listOf(values.connections).map((c) => tAbout(`connections.${c}`)),
      href: change('about-you', 'connections'),
    },
    ...['ward', ...ABOUT_YOU_FIELD_NAMES]
      .filter((field) => may.sensitive || !isSensitive(field))
      .map((field) => ({
        id: field,
        label: tAbout(`${field}.question`),
        answer: textOf(values[field]) ? [aboutLabel(field, textOf(values[field]))] : [],
        href: change(isSensitive(field) ? 'about-you-more' : 'about-you', field),
      })),
  ];
  const consent = textOf(values.quote_consent);
  const credit = textOf(values.quote_credit);
  const wordsRows: Row[] = [
    {
      id: 'quote_consent',
      label: t('words.consentQuestion'),
      answer: consent ? [t(consent === 'yes' ? 'words.consentYes' : 'words.consentNo')] : [],
      href: change('your-words', 'quote_consent'),
    },
  ];
  if (consent === 'yes' && may.credit) {
    wordsRows.push({
      id: 'quote_credit',
      label: t('words.creditQuestion'),
      answer: credit ? [t(`words.credit.${credit}`)] : [],
      href: change('your-words', 'quote_credit'),
    });
    if (credit === 'name_age_area') {
      wordsRows.push({
        id: 'quote_name',
        label: t('words.firstName'),
        answer: textOf(values.quote_name) ? [textOf(values.quote_name)] : [],
        href: change('your-words', 'quote_name'),
      });
    }
  }

  return (
    <>
      {def.sections.map(({ id, section }) => (
        <section key={section.key}>
          <h2 className="heading-m">{section.title}</h2>
          {/* A grid's prompt once, its statements' answers under it. */}
          {blocksOf(section.questions).map((block) => {
            const rows = block.questions.map((q) => ({
              id: questionField(q.key),
              label: q.text,
              answer: answerOf(q),
              href: change(id, questionField(q.key)),
            }));
            if (!block.grid) return <Rows key={block.questions[0]?.key} rows={rows} />;
            return (
              <div key={block.grid.key} className="check-grid">
                <h3 className="heading-s">{block.grid.text}</h3>
                <Rows rows={rows} />
              </div>
            );
          })}
        </section>
      ))}
      {def.askAboutYou && (
        <section>
          <h2 className="heading-m">{t('check.aboutYou')}</h2>
          <Rows rows={aboutRows} />
        </section>
      )}
      <section>
        <h2 className="heading-m">{t('check.yourWords')}</h2>
        <Rows rows={wordsRows} />
      </section>
    </>
  );
}
