import { Link, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AdminForm } from '~/ui/admin/AdminForm';

interface Props {
  /** What stops the delete (linked consultations, a theme's priorities); empty when nothing does. */
  blockers: { to: string; label: string }[];
  /** Why it cannot be deleted, shown above the blockers. */
  blockedText: string;
  /** The link that asks for confirmation, and the question that confirms. */
  askText: string;
  confirmText: string;
  /** The server refused a delete (a forged post, or a link made in the meantime). */
  refused: boolean;
}

/**
 * Deleting a theme or priority: explained and impossible while anything depends on it,
 * otherwise one link to ask and one button to confirm (no JavaScript dialog).
 */
export function GuardedDelete({ blockers, blockedText, askText, confirmText, refused }: Props) {
  const { t } = useTranslation('framework');
  const [params] = useSearchParams();
  if (blockers.length > 0) {
    return (
      <div className={`notice${refused ? ' notice--warning' : ''}`} role={refused ? 'alert' : undefined}>
        <p>{blockedText}</p>
        <ul>
          {blockers.map((b) => (
            <li key={b.to}>
              <Link to={b.to}>{b.label}</Link>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (params.get('delete') !== 'confirm') {
    return (
      <p>
        <Link to="?delete=confirm">{askText}</Link>
      </p>
    );
  }
  return (
    <div className="notice notice--warning">
      <p>{confirmText}</p>
      <AdminForm className="button-group">
        <button type="submit" name="intent" value="delete" className="button button--warning">
          {t('confirmDelete')}
        </button>
        <Link to=".">{t('cancel')}</Link>
      </AdminForm>
    </div>
  );
}
