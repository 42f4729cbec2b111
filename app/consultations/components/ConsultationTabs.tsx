import { NavLink, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceUser } from '~/auth/workspace.server';
import { CollapsibleNav, currentItem } from '~/ui/admin/CollapsibleNav';

/** The pages of one consultation in the workspace; only those the person's role may open. */
export function ConsultationTabs({ id, user }: { id: number; user: Pick<WorkspaceUser, 'can'> }) {
  const { t } = useTranslation('admin');
  const { pathname } = useLocation();
  const base = `/admin/consultations/${id}`;
  const tabs = [
    { to: base, label: t('tabs.overview'), end: true, show: true },
    { to: `${base}/details`, label: t('tabs.details'), show: user.can.editConsultations },
    { to: `${base}/questions`, label: t('tabs.questions'), show: user.can.editConsultations },
    { to: `${base}/translations`, label: t('tabs.translations'), show: user.can.editConsultations },
    { to: `${base}/privacy`, label: t('tabs.privacy'), show: user.can.editConsultations },
    { to: `${base}/youth`, label: t('tabs.youth'), show: user.can.editConsultations },
    { to: `${base}/preview`, label: t('tabs.preview'), show: user.can.editConsultations },
    { to: `${base}/responses`, label: t('tabs.responses'), show: user.can.editResponses },
    { to: `${base}/import`, label: t('tabs.import'), show: user.can.editResponses },
    { to: `${base}/results`, label: t('tabs.results'), show: user.can.readResults },
    { to: `${base}/who`, label: t('tabs.who'), show: user.can.readResults },
    { to: `${base}/coding`, label: t('tabs.coding'), show: user.can.readResults },
    { to: `${base}/quotes`, label: t('tabs.quotes'), show: user.can.readResults },
    { to: `${base}/publish`, label: t('tabs.publish'), show: user.can.editConsultations },
    { to: `${base}/report`, label: t('tabs.report'), show: user.can.readResults },
    { to: `${base}/exports`, label: t('tabs.exports'), show: user.can.readResults },
  ];
  const shown = tabs.filter((tab) => tab.show);
  return (
    <CollapsibleNav label={t('tabs.label')} menu={t('tabs.menu')} current={currentItem(shown, pathname)?.label} className="tabs">
      <ul className="tabs__list">
        {shown.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end} className="tabs__link">
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </CollapsibleNav>
  );
}
