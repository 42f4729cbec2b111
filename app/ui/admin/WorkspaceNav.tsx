import { NavLink, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceUser } from '~/auth/workspace.server';
import { AdminForm } from './AdminForm';
import { CollapsibleNav, currentItem } from './CollapsibleNav';

/** The workspace's own navigation: only what the person's role may open. */
export function WorkspaceNav({ user }: { user: WorkspaceUser }) {
  const { t } = useTranslation('admin');
  const { pathname } = useLocation();
  const links = [
    { to: '/admin', label: t('nav.home'), end: true, show: true },
    { to: '/admin/consultations', label: t('nav.consultations'), show: user.can.viewWorkspace },
    { to: '/admin/heard', label: t('quotes:nav.heard'), show: user.can.readResults },
    { to: '/admin/population', label: t('population:nav'), show: user.can.editConsultations },
    { to: '/admin/data-requests', label: t('requests:nav'), show: user.can.editResponses },
    { to: '/admin/framework', label: t('nav.framework'), show: user.can.editFramework },
    { to: '/admin/users', label: t('nav.users'), show: user.can.manageUsers },
    { to: '/admin/audit', label: t('nav.audit'), show: user.can.readAudit },
    { to: '/admin/records', label: t('records:nav'), show: user.can.readRecords },
    { to: '/admin/account', label: t('nav.account'), show: true },
  ];
  const shown = links.filter((l) => l.show);
  return (
    <div className="workspace-nav">
      <p className="workspace-nav__who">{t('nav.signedInAs', { name: user.name || user.email, role: t(`roles.${user.role}`) })}</p>
      <CollapsibleNav label={t('nav.label')} menu={t('nav.menu')} current={currentItem(shown, pathname)?.label} className="workspace-nav__nav">
        <ul className="workspace-nav__links">
          {shown.map((l) => (
            <li key={l.to}>
              <NavLink to={l.to} end={l.end}>
                {l.label}
              </NavLink>
            </li>
          ))}
          <li>
            <AdminForm action="/admin/sign-out" className="workspace-nav__sign-out">
              <button type="submit" className="link-button">
                {t('nav.signOut')}
              </button>
            </AdminForm>
          </li>
        </ul>
      </CollapsibleNav>
    </div>
  );
}
