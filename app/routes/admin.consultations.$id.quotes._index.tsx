import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { can } from '~/auth/roles';
import { requireConsultationTitle } from '~/consultations/find.server';
import { AnswerFinder } from '~/publishing/components/quotes/AnswerFinder';
import { QuoteGroups } from '~/publishing/components/quotes/QuoteGroups';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { listFreeTextQuestions, listQuotableAnswers, readAnswerFilters } from '~/publishing/quotes/answers.server';
import { removeQuote } from '~/publishing/quotes/picking.server';
import { listQuoteTargets, listShownQuotes } from '~/publishing/quotes/queries.server';
import { removeQuoteSchema } from '~/publishing/quotes/schemas';
import styles from '~/styles/quotes.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await requireUser(args, 'readResults');
  const { db } = args.context;
  const consultation = await requireConsultationTitle(db, args.params.id);
  const locale = await detectLocale(args.request);
  const canPick = can(user.role, 'editResponses');
  const filters = readAnswerFilters(new URL(args.request.url));
  const [quotes, targets, questions, found] = await Promise.all([
    listShownQuotes(db, { consultationId: consultation.id }, locale),
    listQuoteTargets(db, consultation.id, locale),
    canPick ? listFreeTextQuestions(db, consultation.id, locale) : [],
    canPick ? listQuotableAnswers(db, consultation.id, filters) : null,
  ]);
  const title = workspacePageTitle(args.context, locale, `${tFor(locale, 'quotes')('page.title')} – ${consultation.title}`);
  return data({ consultation, quotes, targets, canPick, filters, questions, found, title }, { headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editResponses');
  const consultation = await requireConsultationTitle(args.context.db, args.params.id);
  const submission = parseWithZod(formData, { schema: removeQuoteSchema });
  if (submission.status !== 'success') throw data({ reason: 'bad_request' }, { status: 400, headers: { 'Cache-Control': PRIVATE_PAGE } });
  const removed = await removeQuote(args.context.db, actorOf(user), { consultationId: consultation.id, quoteId: submission.value.quoteId });
  if (!removed) throw data({ reason: 'not_found' }, { status: 404, headers: { 'Cache-Control': PRIVATE_PAGE } });
  return redirect(`/admin/consultations/${consultation.id}/quotes?removed=1`, { status: 303, headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export const headers = routeHeaders;

export default function Quotes() {
  const { consultation, quotes, targets, canPick, filters, questions, found } = useLoaderData<typeof loader>();
  const { t } = useTranslation('quotes');
  const [params] = useSearchParams();
  return (
    <div className="width-wide">
      <h1>{t('page.title')}</h1>
      {params.get('picked') && (
        <div className="notice notice--success" role="status">
          {t('page.picked')}
        </div>
      )}
      {params.get('removed') && (
        <div className="notice notice--success" role="status">
          {t('page.removed')}
        </div>
      )}
      <p className="lead">{t('page.intro')}</p>
      {canPick && (
        <p>
          <a href="#answers">{t('find.title')}</a>
        </p>
      )}
      <h2>{t('page.chosen')}</h2>
      <QuoteGroups quotes={quotes} targets={targets} removable={canPick} />
      {canPick && found && (
        <section aria-labelledby="answers">
          <h2 id="answers" tabIndex={-1}>
            {t('find.title')}
          </h2>
          <AnswerFinder
            consultationId={consultation.id}
            filters={filters}
            questions={questions}
            themes={targets.themes}
            answers={found.answers}
            hasNext={found.hasNext}
          />
        </section>
      )}
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
