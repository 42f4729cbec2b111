import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireAction, requireUser } from '~/auth/guard.server';
import { AdminForm } from '~/ui/admin/AdminForm';
import { InputField } from '~/ui/admin/Field';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useStepForm } from '~/ui/form/use-step-form';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { requireConsultation } from '~/consultations/find.server';
import { qrCodeDataUrl } from '~/consultations/versions/qr-code.server';
import { youthCodeSchema, youthItemActionSchema } from '~/consultations/versions/youth-schema';
import { listYouthItems, moveYouthItem, removeYouthItem, setYouthCode } from '~/consultations/versions/youth.server';
import { youthRoutingAllows } from '~/consultations/versions/youth-routing.server';
import { pageMeta } from '~/ui/page-meta';

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editConsultations');
  const consultation = await requireConsultation(args.context.db, args.params.id);
  const locale = await detectLocale(args.request);
  const items = await listYouthItems(args.context.db, consultation.id);
  const { origin } = new URL(args.request.url);
  const shortLink = consultation.youth_code ? `${origin}/young/${consultation.youth_code}` : null;
  return data(
    {
      consultation: { id: consultation.id, title: consultation.title },
      code: consultation.youth_code,
      shortLink,
      qrCode: shortLink ? await qrCodeDataUrl(shortLink) : null,
      items,
      title: workspacePageTitle(args.context, locale, `${tFor(locale, 'versions')('youth.title')} – ${consultation.title}`),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editConsultations');
  const { db } = args.context;
  const consultation = await requireConsultation(db, args.params.id);
  const submission = parseWithZod(formData, { schema: youthItemActionSchema });
  if (submission.status !== 'success') {
    args.context.request.submissionFailed = true;
    return data({ result: submission.reply() }, { status: 400 });
  }
  const input = submission.value;
  if (input.intent === 'code') {
    const problems = await setYouthCode(db, user, consultation.id, input.code ?? null);
    if (problems) {
      args.context.request.submissionFailed = true;
      return data({ result: submission.reply(problems) }, { status: 400 });
    }
  } else {
    if (!(await youthRoutingAllows(db, consultation.id, input.itemId, input.intent === 'remove' ? null : input.intent))) {
      args.context.request.submissionFailed = true;
      return data({ result: submission.reply({ formErrors: ['versions:routingBlocksChange'] }) }, { status: 400 });
    }
    const done =
      input.intent === 'remove'
        ? await removeYouthItem(db, user, consultation.id, input.itemId)
        : await moveYouthItem(db, user, consultation.id, input.itemId, input.intent);
    if (!done) throw data({ reason: 'not_found' }, { status: 404 });
  }
  return redirect(`/admin/consultations/${consultation.id}/youth`, { status: 303 });
}

export default function YouthVersion() {
  const { consultation, code, shortLink, qrCode, items } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('versions');
  const { form, summary, fieldErrors, current, submit } = useStepForm({
    id: 'youth-code',
    schema: youthCodeSchema,
    lastResult: actionData?.result,
    defaultValue: { code: code ?? '' },
  });
  const base = `/admin/consultations/${consultation.id}/youth`;
  return (
    <>
      <h1>{t('youth.title')}</h1>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={actionData} />
      <h2>{t('youth.linkTitle')}</h2>
      {shortLink ? (
        <>
          <p>{t('youth.linkIntro')}</p>
          <p className="copy-box" data-testid="youth-link">
            {shortLink}
          </p>
          {qrCode && (
            <figure className="qr-code">
              <img src={qrCode} width={200} height={200} alt={t('youth.qrAlt', { link: shortLink })} />
              <figcaption>
                <a href={qrCode} download={`young-${code ?? 'link'}.svg`}>
                  {t('youth.qrDownload')}
                </a>
              </figcaption>
            </figure>
          )}
        </>
      ) : (
        <p>{t('youth.noCode')}</p>
      )}
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit} noValidate>
        <input type="hidden" name="intent" value="code" />
        <InputField
          name="code"
          label={t('youth.code')}
          hint={t('youth.codeHint')}
          width="short"
          defaultValue={typeof current.code === 'string' ? current.code : ''}
          error={fieldErrors.code}
        />
        <button type="submit" className="button button--secondary">
          {t('youth.saveCode')}
        </button>
      </AdminForm>

      <h2>{t('youth.itemsTitle')}</h2>
      {items.length === 0 ? (
        <p>{t('youth.noItems')}</p>
      ) : (
        <ol className="youth-items">
          {items.map((item, i) => (
            <li key={item.id} className="youth-items__item">
              <h3 className="youth-items__text">{item.text}</h3>
              <p className="hint">
                {t('youth.standsFor', { question: item.questionText })} <span className="tag">{t(`kinds.${item.kind}`)}</span>
              </p>
              {item.options.length > 0 && (
                <ul>
                  {item.options.map((o) => (
                    <li key={o.id}>{t('youth.mapping', { label: o.label || t('youth.faceLabel'), option: o.optionLabel })}</li>
                  ))}
                </ul>
              )}
              <div className="button-group">
                <Link to={`${base}/${item.id}`} className="button button--secondary">
                  {t('youth.edit')}
                  <span className="visually-hidden">: {item.text}</span>
                </Link>
                {(['up', 'down'] as const)
                  .filter((dir) => (dir === 'up' ? i > 0 : i < items.length - 1))
                  .map((dir) => (
                    <AdminForm key={dir}>
                      <input type="hidden" name="itemId" value={item.id} />
                      <button type="submit" name="intent" value={dir} className="button button--secondary">
                        {t(`youth.move_${dir}`)}
                        <span className="visually-hidden">: {item.text}</span>
                      </button>
                    </AdminForm>
                  ))}
                <AdminForm>
                  <input type="hidden" name="itemId" value={item.id} />
                  <button type="submit" name="intent" value="remove" className="button button--secondary">
                    {t('youth.remove')}
                    <span className="visually-hidden">: {item.text}</span>
                  </button>
                </AdminForm>
              </div>
            </li>
          ))}
        </ol>
      )}
      <p>
        <Link to={`${base}/new`} className="button">
          {t('youth.addLink')}
        </Link>
      </p>
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
