import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { requireConsultation } from '~/consultations/find.server';
import { AdminForm } from '~/ui/admin/AdminForm';
import { InputField, SelectField, TextAreaField } from '~/ui/admin/Field';
import { AboutYouFields } from '~/responses/components/AboutYouFields';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { QuestionField, textOf } from '~/responses/components/QuestionField';
import { useStepForm } from '~/ui/form/use-step-form';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { loadIntakeConsultation, today } from '~/responses/import/consultation.server';
import { storeKeyedResponse, type KeyedValues } from '~/responses/import/keyed.server';
import { keyedSchema, OFFLINE_CHANNELS, optionalSections } from '~/responses/import/schema';
import { RESPONDENT_GROUPS } from '~/responses/codes';
import { isReference } from '~/responses/reference.server';
import { pageMeta } from '~/ui/page-meta';

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editResponses');
  const { def, wards } = await loadIntakeConsultation(args.context.db, await requireConsultation(args.context.db, args.params.id));
  const locale = await detectLocale(args.request);
  const saved = new URL(args.request.url).searchParams.get('saved');
  return data(
    {
      consultation: { id: def.id, title: def.title, sections: optionalSections(def.sections) },
      wards,
      today: today(),
      // A fresh key per blank form: sending the same form twice stores one response.
      idempotencyKey: crypto.randomUUID(),
      saved: saved && isReference(saved) ? saved : null,
      title: workspacePageTitle(args.context, locale, `${tFor(locale, 'intake')('keyIn.title')} – ${def.title}`),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editResponses');
  const { def, wards } = await loadIntakeConsultation(args.context.db, await requireConsultation(args.context.db, args.params.id));
  const schema = keyedSchema(
    def.sections,
    wards.map((w) => w.code),
    today(),
  );
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== 'success') {
    args.context.request.submissionFailed = true;
    return data({ result: submission.reply() }, { status: 400, headers: { 'Cache-Control': PRIVATE_PAGE } });
  }
  const { reference } = await storeKeyedResponse(args.context.db, def, submission.value as KeyedValues, actorOf(user));
  return redirect(`/admin/consultations/${def.id}/responses/new?saved=${reference}`, { status: 303 });
}

function Saved({ id, reference }: { id: number; reference: string }) {
  const { t } = useTranslation('intake');
  return (
    <div className="notice" role="status">
      <h2>{t('keyIn.savedTitle')}</h2>
      <p>
        {t('keyIn.savedReference')}: <strong data-testid="reference">{reference}</strong>
      </p>
      <ul className="button-group">
        <li>
          <Link to={`/admin/consultations/${id}/responses/new`} className="button">
            {t('keyIn.another')}
          </Link>
        </li>
        <li>
          <Link to={`/admin/consultations/${id}/responses`}>{t('keyIn.allResponses')}</Link>
        </li>
      </ul>
    </div>
  );
}

export default function KeyInResponse() {
  const { consultation, wards, today, idempotencyKey, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('intake');
  const schema = useMemo(
    () =>
      keyedSchema(
        consultation.sections,
        wards.map((w) => w.code),
        today,
      ),
    [consultation.sections, wards, today],
  );
  const { form, summary, fieldErrors, current, submit } = useStepForm({
    id: `key-in-${idempotencyKey}`,
    schema,
    lastResult: actionData?.result,
    defaultValue: { submitted_at: today },
  });
  if (saved) {
    return (
      <>
        <h1>{t('keyIn.title')}</h1>
        <Saved id={consultation.id} reference={saved} />
      </>
    );
  }
  const values: Record<string, unknown> = { ...current, submitted_at: current.submitted_at ?? today };
  return (
    <>
      <ErrorSummary errors={summary} attempt={submit.attempts} reply={actionData} />
      <h1>{t('keyIn.title')}</h1>
      <p className="lead">{t('keyIn.intro')}</p>
      <AdminForm {...getFormProps(form)} onSubmit={submit.onSubmit} noValidate>
        <input type="hidden" name="idempotencyKey" value={textOf(current.idempotencyKey) || idempotencyKey} />
        <h2>{t('keyIn.where')}</h2>
        <SelectField
          name="channel"
          label={t('keyIn.channel')}
          defaultValue={textOf(values.channel)}
          error={fieldErrors.channel}
          options={[{ value: '', label: t('keyIn.chooseChannel') }, ...OFFLINE_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))]}
        />
        <InputField
          name="submitted_at"
          type="date"
          label={t('keyIn.date')}
          hint={t('keyIn.dateHint')}
          defaultValue={textOf(values.submitted_at)}
          error={fieldErrors.submitted_at}
          width="short"
        />
        <InputField
          name="facilitator"
          label={t('keyIn.facilitator')}
          hint={t('keyIn.facilitatorHint')}
          defaultValue={textOf(values.facilitator)}
          error={fieldErrors.facilitator}
        />
        <SelectField
          name="group"
          label={t('keyIn.group')}
          hint={t('keyIn.groupHint')}
          defaultValue={textOf(values.group)}
          error={fieldErrors.group}
          options={[{ value: '', label: t('keyIn.chooseGroup') }, ...RESPONDENT_GROUPS.map((g) => ({ value: g, label: t(`group.${g}`) }))]}
        />
        <h2>{t('keyIn.answers')}</h2>
        {consultation.sections.map((section) => (
          <section key={section.id} aria-labelledby={`section-${section.id}`}>
            <h3 id={`section-${section.id}`}>{section.title}</h3>
            {section.questions.map((q) => (
              <QuestionField key={q.id} question={q} values={values} errors={fieldErrors} />
            ))}
          </section>
        ))}
        <h2>{t('keyIn.aboutYou')}</h2>
        <AboutYouFields values={values} errors={fieldErrors} wards={wards} />
        <TextAreaField
          name="notes"
          label={t('keyIn.notes')}
          hint={t('keyIn.notesHint')}
          defaultValue={textOf(values.notes)}
          error={fieldErrors.notes}
          rows={5}
        />
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
          {t('keyIn.save')}
        </button>
      </AdminForm>
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
