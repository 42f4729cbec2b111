import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/guard.server';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { requireConsultation } from '~/consultations/find.server';
import { requiredLocalesOf, translationProgress } from '~/consultations/versions/translations.server';
import { pageMeta } from '~/ui/page-meta';
import { ScrollTable } from '~/ui/ScrollRegion';

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editConsultations');
  const { db } = args.context;
  const consultation = await requireConsultation(db, args.params.id);
  const locale = await detectLocale(args.request);
  const required = requiredLocalesOf(consultation);
  const languages = (await translationProgress(db, consultation.id)).map((l) => ({ ...l, required: required.includes(l.locale) }));
  return data(
    {
      consultation: { id: consultation.id, title: consultation.title },
      languages,
      title: workspacePageTitle(args.context, locale, `${tFor(locale, 'versions')('translations.title')} – ${consultation.title}`),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export default function Translations() {
  const { consultation, languages } = useLoaderData<typeof loader>();
  const { t } = useTranslation('versions');
  const required = languages.filter((l) => l.required);
  return (
    <>
      <h1>{t('translations.title')}</h1>
      <p className="notice">
        {required.length
          ? t('translations.required', { languages: required.map((l) => t(`languages.${l.locale}`)).join(', ') })
          : t('translations.noneRequired')}
      </p>
      <ScrollTable caption={t('translations.caption')} captionHidden>
        <thead>
          <tr>
            <th scope="col">{t('translations.language')}</th>
            <th scope="col">{t('translations.requiredColumn')}</th>
            <th scope="col">{t('translations.translated')}</th>
            <th scope="col">{t('translations.missing')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('translations.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {languages.map((l) => (
            <tr key={l.locale}>
              <th scope="row">{t(`languages.${l.locale}`)}</th>
              <td>{l.required ? t('translations.yes') : t('translations.no')}</td>
              <td>{t('translations.ofTotal', { translated: l.translated, total: l.total })}</td>
              <td data-testid={`missing-${l.locale}`}>{l.missing}</td>
              <td>
                <Link to={`/admin/consultations/${consultation.id}/translations/${l.locale}`}>
                  {t('translations.edit', { language: t(`languages.${l.locale}`) })}
                </Link>
                {l.missing > 0 && (
                  <>
                    {' · '}
                    <Link to={`/admin/consultations/${consultation.id}/translations/${l.locale}?missing=1`}>
                      {t('translations.editMissing', { language: t(`languages.${l.locale}`) })}
                    </Link>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
