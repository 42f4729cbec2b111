import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { ConsultationDef } from '~/consultations/definition';
import { previewPath } from '~/responses/preview/preview-paths';
import type { PreviewRoute } from '~/responses/preview/preview-route';
import { useChoiceLabel } from './QuestionField';

/**
 * Every route through the resident form, in words ("Route 3: answers 'Yes' to 'Do you run a
 * business?' – sections 1, 2, 4"), each a link that starts the preview with those answers.
 */
export function PreviewRoutes({
  consultationId,
  def,
  walk,
}: {
  consultationId: number;
  def: Pick<ConsultationDef, 'sections'>;
  walk: { routes: PreviewRoute[]; complete: boolean };
}) {
  const { t } = useTranslation('versions');
  const choiceLabel = useChoiceLabel();
  const questions = def.sections.flatMap((s) => s.questions);
  const textOf = (key: string) => questions.find((q) => q.key === key)?.text ?? key;
  const describe = (route: PreviewRoute) => {
    const answers = route.answers.flatMap(({ question, options }) => {
      const q = questions.find((x) => x.key === question);
      return q ? [t('preview.routeAnswer', { answer: options.map((o) => choiceLabel(q, o)).join(t('preview.routeOr')), question: q.text })] : [];
    });
    return answers.length > 0 ? answers.join(t('preview.routeAnd')) : t('preview.routeNoAnswers');
  };
  return (
    <section aria-labelledby="preview-routes">
      <h2 id="preview-routes">{t('preview.routesTitle')}</h2>
      <p>{t('preview.routesIntro', { count: walk.routes.length })}</p>
      {!walk.complete && <p>{t('preview.routesIncomplete')}</p>}
      <ol>
        {walk.routes.map((route, i) => (
          <li key={i}>
            <Link to={previewPath(consultationId, route.firstStep, route.values)}>{t('preview.routeName', { number: i + 1 })}</Link>
            {': '}
            {describe(route)}
            {' – '}
            {route.exit
              ? t('preview.routeExit', { sections: route.sections.join(', '), question: textOf(route.exit) })
              : t('preview.routeSections', { sections: route.sections.join(', ') })}
          </li>
        ))}
      </ol>
    </section>
  );
}
