import * as React from 'react';
import { Box, Tabs } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { usePermissions } from '@jiyue/admin-ui';
import { useT } from '../api';
import { PERMISSIONS } from '../constants';
import { FactRegistryTab } from '../components/FactRegistryTab';
import { TaxonomyTab } from '../components/TaxonomyTab';

/** The plugin's page: the fact registry (事实登记) and the taxonomy by dimension (分类标签), each behind its own permission. */
export const HomePage = () => {
  const t = useT();
  const { can, isLoading } = usePermissions({
    factRead: PERMISSIONS.factRead,
    factManage: PERMISSIONS.factManage,
    tagRead: PERMISSIONS.tagRead,
    tagManage: PERMISSIONS.tagManage,
  });
  const [tab, setTab] = React.useState<string | null>(null);
  if (isLoading) return <Page.Loading />;
  if (!can.factRead && !can.tagRead) return <Page.NoPermissions />;
  const current = tab ?? (can.factRead ? 'facts' : 'taxonomy');
  return (
    <Page.Main>
      <Page.Title>{t('home.title', 'Policy match')}</Page.Title>
      <Layouts.Header title={t('home.title', 'Policy match')} subtitle={t('home.subtitle', 'The facts rules test and the taxonomy policies are tagged with (政策找人)')} />
      <Layouts.Content>
        <Tabs.Root value={current} onValueChange={setTab}>
          <Tabs.List aria-label={t('home.tabs', 'Sections')}>
            {can.factRead && <Tabs.Trigger value="facts" data-testid="pm-tab-facts">{t('home.facts', 'Fact registry')}</Tabs.Trigger>}
            {can.tagRead && <Tabs.Trigger value="taxonomy" data-testid="pm-tab-taxonomy">{t('home.taxonomy', 'Taxonomy')}</Tabs.Trigger>}
          </Tabs.List>
          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
            {can.factRead && <Tabs.Content value="facts"><FactRegistryTab canManage={can.factManage} /></Tabs.Content>}
            {can.tagRead && <Tabs.Content value="taxonomy"><TaxonomyTab canManage={can.tagManage} /></Tabs.Content>}
          </Box>
        </Tabs.Root>
      </Layouts.Content>
    </Page.Main>
  );
};
