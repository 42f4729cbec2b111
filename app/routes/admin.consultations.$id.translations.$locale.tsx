import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireAction, requireUser } from '~/auth/guard.server';
import { AdminForm } from '~/ui/admin/AdminForm';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { requireConsultation } from '~/consultations/find.server';
import { TranslationField } from '~/consultations/components/versions/TranslationField';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { directionOf, isLocale, type Locale } from '~/platform/i18n/config';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { translationsSchema } from '~/consultations/versions/translation-schema';
import { listTextsToTranslate, saveTranslations, TRANSLATION_LOCALES } from '~/consultations/versions/translations.server';
import { pageMeta } from '~/ui/page-meta';

function targetLocale(raw: string | undefined): Locale {
  if (!isLocale(raw) || !TRANSLATION_LOCALES.some((l) => l.code === raw)) throw data({ reason: 'not_found' }, { status: 404 });
  return raw;
}

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editConsultations');
  const consultation = await requireConsultation(args.context.db, args.params.id);
  const target = targetLocale(args.params.locale);
  const locale = await detectLocale(args.request);
  const url = new URL(args.request.url);
  const onlyMissing = url.searchParams.get('missing') === '1';
  const all = await listTextsToTranslate(args.context.db, consultation.id, target);
  const t = tFor(locale, 'versions');
  return data(
    {
      consultation: { id: consultation.id, title: consultation.title },
      target,
      texts: onlyMissing ? all.filter((text) => text.translation.trim() === '') : all,
      total: all.length,
      missing: all.filter((text) => text.translation.trim() === '').length,
      onlyMissing,
      saved: url.searchParams.has('saved') ? Number(url.searchParams.get('saved')) || 0 : null,
      title: workspacePageTitle(args.context, locale, `${t('translate.title', { language: t(`languages.${target}`) })} – ${consultation.title}`),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editConsultations');
  const consultation = await requireConsultation(args.context.db, args.params.id);
  const target = targetLocale(args.params.locale);
  const submission = parseWithZod(formData, { schema: translationsSchema });
  if (submission.status !== 'success') {
    args.context.request.submissionFailed = true;
    return data({ result: submission.reply() }, { status: 400 });
  }
  // The raw payload keeps emptied fields (an empty field removes its translation); fields the
  // page did not show (filtered to missing texts) are absent and left as they are.
  const values = Object.fromEntries(Object.entries(submission.payload).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const changed = await saveTranslations(args.context.db, user, consultation.id, target, values);
  const url = new URL(args.request.url);
  url.searchParams.set('saved', String(changed));
  return redirect(`${url.pathname}?${url.searchParams.toString()}`, { status: 303 });
}

export default function TranslateConsultation() {
  const { consultation, target, texts, total, missing, onlyMissing, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('versions');
  const language = t(`languages.${target}`);
  const defaultValue = Object.fromEntries(texts.map((text) => [text.name, text.translation]));
  const { form, summary, fieldErrors, current, submit } = useStepForm({
    id: `translate-${target}`,
    schema: translationsSchema,
    lastResult: actionData?.result,
    defaultValue,
  });
  return (
    <>
      <h1>{t('translate.title', { language })}</h1>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={actionData} />
      {saved !== null && (
        <p className="notice" role="status">
          {t('translate.saved', { count: saved })}
        </p>
      )}
      <p>{t('translate.progress', { missing, total, language })}</p>
      <nav aria-label={t('translate.filterLabel')}>
        <ul className="button-group">
          <li>
            {onlyMissing ? (
              <Link to={`/admin/consultations/${consultation.id}/translations/${target}`}>{t('translate.showAll')}</Link>
            ) : (
              <span aria-current="true">{t('translate.showAll')}</span>
            )}
          </li>
          <li>
            {onlyMissing ? (
              <span aria-current="true">{t('translate.showMissing')}</span>
            ) : (
              <Link to={`/admin/consultations/${consultation.id}/translations/${target}?missing=1`}>{t('translate.showMissing')}</Link>
            )}
          </li>
        </ul>
      </nav>
      {texts.length === 0 ? (
        <p>{onlyMissing ? t('translate.nothingMissing', { language }) : t('translate.nothingToTranslate')}</p>
      ) : (
        <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit} noValidate>
          {texts.map((text) => (
            <TranslationField
              key={text.name}
              text={text}
              locale={target}
              dir={directionOf(target)}
              value={typeof current[text.name] === 'string' ? (current[text.name] as string) : ''}
              error={fieldErrors[text.name]}
            />
          ))}
          <div className="button-group">
            <button type="submit" className="button">
              {t('translate.save', { language })}
            </button>
            <Link to={`/admin/consultations/${consultation.id}/translations`}>{t('translate.backToLanguages')}</Link>
          </div>
        </AdminForm>
      )}
      {texts.length === 0 && (
        <p>
          <Link to={`/admin/consultations/${consultation.id}/translations`}>{t('translate.backToLanguages')}</Link>
        </p>
      )}
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
