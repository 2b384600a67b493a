import * as React from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { unstable_useContentManagerContext as useContentManagerContext } from '@strapi/content-manager/strapi-admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { Link } from 'react-router-dom';
import { useIntl } from 'react-intl';
import { usePermissions } from '@jiyue/admin-ui';
import { errorStatus, useGet, useT, type Eligibility } from '../api';
import { PERMISSIONS, PLUGIN_ID, getTranslation, rulesEditorPath } from '../constants';

/** The policy type: the one whose schema opts in with `pluginOptions['policy-match'].enabled`. */
const isPolicyType = (contentType?: { pluginOptions?: Record<string, unknown> } | null) =>
  (contentType?.pluginOptions?.[PLUGIN_ID] as { enabled?: boolean } | undefined)?.enabled === true;

const Summary = ({ documentId }: { documentId: string }) => {
  const t = useT();
  const { can, isLoading } = usePermissions({ read: PERMISSIONS.eligibilityRead });
  const { data, error, loading } = useGet<Eligibility>(`/policies/${documentId}/eligibility`, can.read);
  if (isLoading) return null;
  if (!can.read) return <Typography variant="pi" textColor="neutral600">{t('panel.noPermission', 'You may not see the eligibility rules.')}</Typography>;
  if (loading) return <Typography variant="pi">{t('loading', 'Loading…')}</Typography>;
  const none = errorStatus(error) === 404;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="pm-panel">
      {data ? (
        <Typography variant="pi">
          {t('panel.summary', '{audience} · {clauses} clauses{jurisdiction}', {
            audience: t(`audience.${data.audience}`, data.audience),
            clauses: data.clauses.length,
            jurisdiction: data.jurisdiction ? ` · ${data.jurisdiction}` : '',
          })}
        </Typography>
      ) : (
        <Typography variant="pi" textColor="neutral600">
          {none ? t('panel.none', 'No eligibility rules yet.') : ''}
        </Typography>
      )}
      <Link to={rulesEditorPath(documentId)} data-testid="pm-panel-edit">
        {t('panel.edit', 'Edit eligibility rules')}
      </Link>
    </Flex>
  );
};

/** The Eligibility side panel of a policy's edit view: a summary of its rules and the way to its rules editor. */
export const EligibilityPanel: PanelComponent = ({ documentId }: PanelComponentProps) => {
  const { formatMessage } = useIntl();
  const { contentType } = useContentManagerContext();
  if (!isPolicyType(contentType as never) || !documentId) return null;
  return {
    title: formatMessage({ id: getTranslation('panel.title'), defaultMessage: 'Eligibility 适用条件' }),
    content: <Summary documentId={documentId} />,
  };
};
EligibilityPanel.type = 'policy-match' as never;
