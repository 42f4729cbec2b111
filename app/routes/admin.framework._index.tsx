import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { actorOf } from '~/platform/audit.server';
import { requireAction, requireUser } from '~/auth/guard.server';
import { MoveButtons } from '~/ui/admin/MoveButtons';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { movePriority, moveTheme } from '~/framework/editing.server';
import { listFrameworkForEditing } from '~/framework/editor-queries.server';
import { moveSchema } from '~/framework/schemas';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import styles from '~/styles/framework.css?url';
import { pageMeta } from '~/ui/page-meta';
import { ScrollTable } from '~/ui/ScrollRegion';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editFramework');
  const locale = await detectLocale(args.request);
  const themes = await listFrameworkForEditing(args.context.db);
  return data({ themes, title: workspacePageTitle(args.context, locale, tFor(locale, 'framework')('title')) }, { headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export async function action(args: ActionFunctionArgs) {
  const { user, formData } = await requireAction(args, 'editFramework');
  const submission = parseWithZod(formData, { schema: moveSchema });
  if (submission.status !== 'success') throw data({ reason: 'bad_request' }, { status: 400 });
  const { kind, id, direction } = submission.value;
  const move = kind === 'theme' ? moveTheme : movePriority;
  await move(args.context.db, actorOf(user), id, direction);
  return redirect(`/admin/framework#${kind}-${id}`, { status: 303, headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export const headers = routeHeaders;

export default function Framework() {
  const { themes } = useLoaderData<typeof loader>();
  const { t } = useTranslation('framework');
  const [params] = useSearchParams();
  const notice = params.get('notice');
  const moveLabels = { up: t('moveUp'), down: t('moveDown') };
  return (
    <div className="width-wide">
      <h1>{t('title')}</h1>
      {(notice === 'saved' || notice === 'added' || notice === 'deleted') && (
        <div className="notice notice--success" role="status">
          {t(`notice.${notice}`)}
        </div>
      )}
      <p className="lead">{t('intro')}</p>
      <p>
        <Link className="button" to="/admin/framework/themes/new">
          {t('addTheme')}
        </Link>
      </p>
      {themes.length === 0 && <p>{t('noThemes')}</p>}
      {themes.map((theme, index) => (
        <section key={theme.id} className="framework-theme" id={`theme-${theme.id}`} aria-labelledby={`theme-${theme.id}-name`}>
          <div className="framework-theme__header">
            <h2 id={`theme-${theme.id}-name`}>{theme.name}</h2>
            <ul className="framework-actions">
              <li>
                <Link to={`/admin/framework/themes/${theme.id}`}>
                  {t('edit')}
                  <span className="visually-hidden"> {theme.name}</span>
                </Link>
              </li>
              <li>
                <MoveButtons
                  fields={{ kind: 'theme', id: theme.id }}
                  labels={moveLabels}
                  name={theme.name}
                  first={index === 0}
                  last={index === themes.length - 1}
                />
              </li>
            </ul>
          </div>
          {theme.description && <p>{theme.description}</p>}
          {theme.priorities.length === 0 ? (
            <p>{t('noPriorities')}</p>
          ) : (
            <ScrollTable caption={t('prioritiesOf', { theme: theme.name })} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{t('priority')}</th>
                  <th scope="col">{t('ambition')}</th>
                  <th scope="col" className="numeric">
                    {t('consultations')}
                  </th>
                  <th scope="col">{t('order')}</th>
                </tr>
              </thead>
              <tbody>
                {theme.priorities.map((priority, i) => (
                  <tr key={priority.id} id={`priority-${priority.id}`}>
                    <th scope="row">
                      <Link to={`/admin/framework/priorities/${priority.id}`}>{priority.name}</Link>
                    </th>
                    <td>{priority.ambition}</td>
                    <td className="numeric">{priority.consultations}</td>
                    <td>
                      <div className="framework-actions">
                        <MoveButtons
                          fields={{ kind: 'priority', id: priority.id }}
                          labels={moveLabels}
                          name={priority.name}
                          first={i === 0}
                          last={i === theme.priorities.length - 1}
                        />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )}
          <p>
            <Link to={`/admin/framework/priorities/new?theme=${theme.id}`}>
              {t('addPriority')}
              <span className="visually-hidden"> {t('toTheme', { theme: theme.name })}</span>
            </Link>
          </p>
        </section>
      ))}
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
