import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { MoveButtons } from '~/ui/admin/MoveButtons';
import type { CodebookTheme } from '~/coding/codebook.server';
import { keywordList } from '~/coding/keywords';
import { themePath } from '~/coding/paths';
import { ScrollTable } from '~/ui/ScrollRegion';

/** The codebook's themes in order: what each covers, its priority and keywords; officers edit and reorder. */
export function CodebookTable({ consultationId, themes, canEdit }: { consultationId: number; themes: CodebookTheme[]; canEdit: boolean }) {
  const { t } = useTranslation('coding');
  if (themes.length === 0) return <p>{t('codebook.empty')}</p>;
  return (
    <ScrollTable className="table coding-codebook" caption={t('codebook.caption')} captionHidden>
      <thead>
        <tr>
          <th scope="col">{t('codebook.theme')}</th>
          <th scope="col">{t('codebook.priority')}</th>
          <th scope="col">{t('codebook.keywords')}</th>
          {canEdit && <th scope="col">{t('codebook.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {themes.map((theme, i) => (
          <tr key={theme.id} id={`theme-${theme.id}`}>
            <th scope="row">
              {theme.name}
              {theme.description && <span className="coding-codebook__description">{theme.description}</span>}
            </th>
            <td>{theme.priorityName ?? <span className="hint">{t('codebook.noPriority')}</span>}</td>
            <td>{keywordList(theme.keywords).join(', ') || <span className="hint">{t('codebook.noKeywords')}</span>}</td>
            {canEdit && (
              <td>
                <div className="coding-actions">
                  <Link to={themePath(consultationId, theme.id)}>
                    {t('codebook.edit')}
                    <span className="visually-hidden"> {theme.name}</span>
                  </Link>
                  <MoveButtons
                    fields={{ id: theme.id }}
                    name={theme.name}
                    first={i === 0}
                    last={i === themes.length - 1}
                    labels={{ up: t('codebook.moveUp'), down: t('codebook.moveDown') }}
                  />
                </div>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
