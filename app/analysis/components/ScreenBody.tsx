import type { ResultsModel } from '~/analysis/results-model';
import type { ResultsScreen } from '~/analysis/results-screen';
import { directionOf } from '~/platform/i18n/config';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { QuestionOutlineList } from './QuestionOutlineList';
import { QuestionScreen } from './QuestionScreen';
import { useFigures } from './use-figures';

// What the workspace's results page shows under the form for a breakdown: the list of questions
// or one question (results-screen.ts); nothing, so every question shows, without one.

export function ScreenBody({ screen, model, query, threshold }: { screen: ResultsScreen; model: ResultsModel | null; query: string; threshold: number }) {
  const figures = useFigures(threshold);
  const rtl = directionOf(usePageLocale()) === 'rtl';
  const breakdown = model?.breakdown?.label;
  if (!breakdown || screen.kind === 'all') return null;
  if (screen.kind === 'outline') return <QuestionOutlineList questions={screen.questions} breakdown={breakdown} query={query} figures={figures} />;
  return <QuestionScreen screen={screen} breakdown={breakdown} query={query} figures={figures} rtl={rtl} />;
}
