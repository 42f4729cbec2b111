import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/guard.server';
import { can } from '~/auth/roles';
import { requireConsultationTitle } from '~/consultations/find.server';
import { idParam } from '~/platform/http/not-found.server';
import { listCodebook } from '~/coding/codebook.server';
import { sampleStart } from '~/coding/one-by-one.server';
import { answerPath, codingPath } from '~/coding/paths';
import { requireOpenQuestion, requireSample } from '~/coding/routes.server';
import { sampleReport } from '~/coding/samples.server';
import { AgreementReport } from '~/coding/components/AgreementReport';
import { useNumbers } from '~/coding/components/format';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import styles from '~/styles/coding.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

// A double-coding sample: how far each coder has got, the way in for an officer to code it on
// their own, and the agreement report (Cohen's kappa for every pair of coders). Analysts read it.
export async function loader(args: LoaderFunctionArgs) {
  const { user } = await requireUser(args, 'readResults');
  const { db } = args.context;
  const consultation = await requireConsultationTitle(db, args.params.id);
  const sample = await requireSample(db, consultation.id, idParam(args.params, 'sampleId'));
  const question = await requireOpenQuestion(db, consultation.id, { questionId: String(sample.questionId) });
  const themes = await listCodebook(db, consultation.id);
  const canEdit = can(user.role, 'editResponses');
  const [report, start] = await Promise.all([
    sampleReport(
      db,
      sample.id,
      themes.map((t) => t.id),
    ),
    canEdit ? sampleStart(db, sample.id, user.id) : null,
  ]);
  const nameOf = new Map(report.coders.map((c) => [c.id, c.name]));
  const themeName = new Map(themes.map((t) => [t.id, t.name]));
  const pairs = report.pairs.map((p) => ({
    coderA: nameOf.get(p.coderA) ?? '?',
    coderB: nameOf.get(p.coderB) ?? '?',
    answers: p.answers,
    overall: p.overall,
    perTheme: p.perTheme.map((x) => ({ theme: themeName.get(x.themeId) ?? '?', agreement: x.agreement })),
  }));
  const locale = await detectLocale(args.request);
  const title = workspacePageTitle(args.context, locale, `${tFor(locale, 'coding')('sample.title', { name: sample.name })} – ${consultation.title}`);
  return data(
    { consultation, sample, question: { id: question.id, text: question.text }, coders: report.coders, pairs, start, title },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export default function Sample() {
  const { consultation, sample, question, coders, pairs, start } = useLoaderData<typeof loader>();
  const { t } = useTranslation('coding');
  const { whole } = useNumbers();
  const [params] = useSearchParams();
  const notice = params.get('notice');
  return (
    <div className="width-wide">
      <Link to={codingPath(consultation.id)} className="back-link">
        {t('back')}
      </Link>
      <p className="caption">{question.text}</p>
      <h1>{t('sample.title', { name: sample.name })}</h1>
      {(notice === 'made' || notice === 'sampleDone') && (
        <div className="notice notice--success" role="status">
          {t(`notice.${notice}`, { count: sample.answers, shown: whole(sample.answers) })}
        </div>
      )}
      <p>{t('sample.intro', { count: sample.answers, shown: whole(sample.answers) })}</p>
      {start && (
        <>
          <h2>{t('sample.yourCoding')}</h2>
          <p>{t('sample.yourProgress', { coded: whole(start.coded), total: whole(start.total) })}</p>
          {start.firstId !== null && (
            <p>
              <Link className="button" to={answerPath(consultation.id, question.id, start.firstId, sample.id)}>
                {start.coded === 0 ? t('sample.start') : t('sample.continue')}
              </Link>
            </p>
          )}
        </>
      )}
      <h2>{t('sample.coders')}</h2>
      {coders.length === 0 ? (
        <p>{t('sample.noCoders')}</p>
      ) : (
        <ul>
          {coders.map((c) => (
            <li key={c.id}>{t('sample.coderProgress', { name: c.name, coded: whole(c.coded), total: whole(sample.answers) })}</li>
          ))}
        </ul>
      )}
      <h2>{t('agreement.title')}</h2>
      <p>{t('agreement.explain')}</p>
      <AgreementReport pairs={pairs} />
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
