/**
 * The Site side panel of the Content Manager's edit view, on every type that opted in to site-group
 * (its form has `ownerSite`): the owning site (tree picker of the editor's sites), where the item is
 * placed, and the moves — add placements, submit upward (报送), push downward (下发), withdraw; per
 * placement pin/unpin, order and the site's publish time. Buttons follow the editor's permissions;
 * the server decides (its message is shown when it refuses).
 */
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useForm, useNotification } from '@strapi/strapi/admin';
import { usePermissions } from '@jiyue/admin-ui';
import { getTranslation } from '../utils/get-translation';
import { useAdminData } from '../utils/use-admin-data';
import { PERMISSIONS } from '../permissions';
import type { Placement, SiteNode } from '../types';
import { SiteTreePicker } from './SiteTreePicker';
import { PlacementList } from './PlacementList';
import { AddPlacementsModal, PushModal, SubmitModal } from './PlacementModals';
import { useTreeLabels } from './tree-labels';

interface PanelProps {
  model: string;
  documentId?: string;
  collectionType: string;
}

const SitePanelContent = ({ model, documentId }: { model: string; documentId?: string }) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) => formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const ownerSite = useForm('SitePanel', (s) => (s.values as Record<string, unknown>).ownerSite as string | null | undefined);
  const onChange = useForm('SitePanel', (s) => s.onChange);
  const labels = useTreeLabels();
  // Checked again when the admin's permissions arrive: a check-once read could keep the buttons hidden.
  const {
    can: { read: canRead, place: canPlace, submit: canSubmit },
  } = usePermissions({ read: PERMISSIONS.read, place: PERMISSIONS.place, submit: PERMISSIONS.submit });

  const mine = useAdminData<SiteNode[]>('/site-group/site-tree?mine=true');
  const placementsUrl = documentId && canRead ? `/site-group/documents/${model}/${documentId}/placements` : null;
  const placements = useAdminData<Placement[]>(placementsUrl);
  const [picking, setPicking] = React.useState(false);
  const [dialog, setDialog] = React.useState<'add' | 'submit' | 'push' | null>(null);

  const siteName = (code: string | null | undefined) => {
    const find = (nodes: SiteNode[]): SiteNode | undefined => nodes.map((n) => (n.code === code ? n : find(n.children))).find(Boolean);
    return (code && find(mine.data ?? [])?.name) || code || '—';
  };
  const done = (message: string) => {
    toggleNotification({ type: 'success', message });
    placements.reload();
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%" data-testid="site-panel">
      <Box>
        <Typography variant="sigma" textColor="neutral600" tag="h3">
          {t('panel.owner', 'Owning site')}
        </Typography>
        <Flex justifyContent="space-between" alignItems="center" gap={2} paddingTop={1}>
          <Typography fontWeight="bold" data-testid="owner-site">
            {siteName(ownerSite)}
          </Typography>
          <Button variant="tertiary" size="S" onClick={() => setPicking((p) => !p)}>
            {picking ? t('panel.owner.done', 'Done') : t('panel.owner.change', 'Change')}
          </Button>
        </Flex>
        {picking && mine.data ? (
          <Box paddingTop={2}>
            <SiteTreePicker
              mode="site"
              sites={mine.data}
              value={ownerSite ?? null}
              labels={labels}
              onChange={(code) => {
                onChange('ownerSite', code);
                setPicking(false);
              }}
            />
            <Typography variant="pi" textColor="neutral600">
              {t('panel.owner.hint', 'Saved with the document. Only your sites can be chosen.')}
            </Typography>
          </Box>
        ) : null}
      </Box>

      <Box>
        <Typography variant="sigma" textColor="neutral600" tag="h3">
          {t('panel.placements', 'Placements')}
        </Typography>
        {!documentId ? (
          <Typography variant="pi" textColor="neutral600">
            {t('panel.placements.unsaved', 'Save the document first to place it.')}
          </Typography>
        ) : placements.error ? (
          <Typography variant="pi" textColor="danger600">
            {placements.error}
          </Typography>
        ) : (
          <PlacementList placements={placements.data ?? []} loading={placements.loading} canArrange={canPlace} onChanged={done} />
        )}
      </Box>

      {documentId ? (
        <Flex direction="column" alignItems="stretch" gap={2}>
          {canPlace ? (
            <Button variant="secondary" fullWidth onClick={() => setDialog('add')}>
              {t('panel.add', 'Add placements')}
            </Button>
          ) : null}
          {canSubmit ? (
            <Button variant="secondary" fullWidth onClick={() => setDialog('submit')}>
              {t('panel.submit', 'Submit upward (报送)')}
            </Button>
          ) : null}
          {canPlace ? (
            <Button variant="secondary" fullWidth onClick={() => setDialog('push')}>
              {t('panel.push', 'Push downward (下发)')}
            </Button>
          ) : null}
        </Flex>
      ) : null}

      {documentId && dialog === 'add' ? <AddPlacementsModal model={model} documentId={documentId} onClose={() => setDialog(null)} onDone={done} /> : null}
      {documentId && dialog === 'submit' && ownerSite ? (
        <SubmitModal model={model} documentId={documentId} ownerSite={ownerSite} onClose={() => setDialog(null)} onDone={done} />
      ) : null}
      {documentId && dialog === 'push' && ownerSite ? (
        <PushModal model={model} documentId={documentId} ownerSite={ownerSite} onClose={() => setDialog(null)} onDone={done} />
      ) : null}
    </Flex>
  );
};

/** The panel description the Content Manager renders beside the edit view (`addEditViewSidePanel`). */
export const SitePanel = ({ model, documentId }: PanelProps) => {
  const { formatMessage } = useIntl();
  const optedIn = useForm('SitePanel', (s) => 'ownerSite' in ((s.values as Record<string, unknown>) ?? {}), false);
  if (!optedIn) return null;
  return {
    title: formatMessage({ id: getTranslation('panel.title'), defaultMessage: 'Site' }),
    content: <SitePanelContent model={model} documentId={documentId} />,
  };
};
// Labels the panel in the Content Manager's list of panels (as Strapi's own panels are labelled); Strapi
// types only its own labels ('actions', 'releases'), hence the cast, as the Distribution panel's.
SitePanel.type = 'site-group.site' as never;
