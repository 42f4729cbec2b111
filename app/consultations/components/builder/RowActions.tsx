import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AdminForm } from '../../../ui/admin/AdminForm';

/**
 * Move up, move down, edit and delete for one section, question or option: each a small form
 * of its own, so it works without JavaScript; each button names what it acts on for screen readers.
 */
export function RowActions({
  intent,
  target,
  name,
  first,
  last,
  canDelete,
  editTo,
  extra,
}: {
  intent: 'Section' | 'Question' | 'Option';
  target: number;
  name: string;
  first: boolean;
  last: boolean;
  canDelete: boolean;
  editTo?: string;
  extra?: Record<string, string>;
}) {
  const { t } = useTranslation('builder');
  const what = <span className="visually-hidden"> {t('rows.named', { name })}</span>;
  const fields = (
    <>
      <input type="hidden" name="target" value={target} />
      {Object.entries(extra ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
    </>
  );
  return (
    <div className="builder-row-actions">
      {editTo && (
        <Link to={editTo}>
          {t('rows.edit')}
          {what}
        </Link>
      )}
      {!first && (
        <AdminForm>
          {fields}
          <input type="hidden" name="direction" value="up" />
          <button type="submit" className="link-button" name="intent" value={`move${intent}`}>
            {t('rows.up')}
            {what}
          </button>
        </AdminForm>
      )}
      {!last && (
        <AdminForm>
          {fields}
          <input type="hidden" name="direction" value="down" />
          <button type="submit" className="link-button" name="intent" value={`move${intent}`}>
            {t('rows.down')}
            {what}
          </button>
        </AdminForm>
      )}
      {canDelete && (
        <AdminForm>
          {fields}
          <button type="submit" className="link-button" name="intent" value={`delete${intent}`}>
            {t('rows.delete')}
            {what}
          </button>
        </AdminForm>
      )}
    </div>
  );
}
