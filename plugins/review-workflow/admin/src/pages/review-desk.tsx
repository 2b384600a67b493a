import * as React from 'react';
import { Badge, Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { StageBadge, isReviewStage, usePermissions, useStageLabel } from '@jiyue/admin-ui';
import { useIntl } from 'react-intl';
import type { ReviewDesk, ReviewDeskItem, ReviewDeskSentBackItem } from '@jiyue/kernel/contracts';
import { Link } from 'react-router-dom';
import { PERMISSIONS, PLUGIN_ID, getTranslation } from '../constants';
import { errorMessage } from '../hooks/use-review-history';

type DeskItem = ReviewDeskItem;
type SentBackItem = ReviewDeskSentBackItem;
type Desk = ReviewDesk;
type Filter = { key: 'stage' | 'site' | 'uid'; value: string } | null;

/** The edit view of the item's locale, where its Review panel is. */
export const editViewPath = (item: Pick<DeskItem, 'uid' | 'documentId' | 'locale'>) =>
  `/content-manager/collection-types/${item.uid}/${item.documentId}?plugins[i18n][locale]=${encodeURIComponent(item.locale)}`;

const typeName = (uid: string) => uid.split('.').pop() ?? uid;

const Stage = ({ stage }: { stage: string }) => (isReviewStage(stage) ? <StageBadge stage={stage} /> : <Badge>{stage}</Badge>);

const ItemTable = ({ items, testId, extra }: { items: DeskItem[]; testId: string; extra?: (item: DeskItem) => React.ReactNode }) => {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  if (!items.length) {
    return (
      <Typography variant="omega" textColor="neutral600" data-testid={`${testId}-empty`}>
        {t('desk.empty', 'Nothing here.')}
      </Typography>
    );
  }
  return (
    <Table colCount={extra ? 6 : 5} rowCount={items.length + 1} data-testid={testId}>
      <Thead>
        <Tr>
          <Th><Typography variant="sigma">{t('desk.column.title', 'Title')}</Typography></Th>
          <Th><Typography variant="sigma">{t('desk.column.stage', 'Stage')}</Typography></Th>
          <Th><Typography variant="sigma">{t('desk.column.site', 'Site')}</Typography></Th>
          <Th><Typography variant="sigma">{t('desk.column.type', 'Type')}</Typography></Th>
          <Th><Typography variant="sigma">{t('desk.column.since', 'Since')}</Typography></Th>
          {extra && <Th><Typography variant="sigma">{t('desk.column.comment', 'Comment')}</Typography></Th>}
        </Tr>
      </Thead>
      <Tbody>
        {items.map((item) => (
          <Tr key={`${item.uid}/${item.documentId}/${item.locale}`} data-document-id={item.documentId}>
            <Td>
              <Link to={editViewPath(item)}>
                <Typography fontWeight="semiBold" textColor="primary600">
                  {item.title ?? item.documentId}
                </Typography>
              </Link>{' '}
              <Typography variant="pi" textColor="neutral500">
                {item.locale}
              </Typography>
            </Td>
            <Td><Stage stage={item.stage} /></Td>
            <Td><Typography>{item.site ?? '—'}</Typography></Td>
            <Td><Typography>{typeName(item.uid)}</Typography></Td>
            <Td><Typography>{formatDate(item.since, { dateStyle: 'short', timeStyle: 'short' })}</Typography></Td>
            {extra && <Td>{extra(item)}</Td>}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

/** Count chips that filter the queue: by stage, site and type. */
const Counts = ({ counts, label, render, filterKey, filter, onFilter }: {
  counts: Record<string, number>;
  label: string;
  render: (value: string) => React.ReactNode;
  filterKey: NonNullable<Filter>['key'];
  filter: Filter;
  onFilter: (filter: Filter) => void;
}) => (
  <Flex gap={2} wrap="wrap" data-testid={`jiyue-desk-counts-${filterKey}`}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    {Object.entries(counts).map(([value, n]) => {
      const active = filter?.key === filterKey && filter.value === value;
      return (
        <Button key={value} size="S" variant={active ? 'default' : 'tertiary'} onClick={() => onFilter(active ? null : { key: filterKey, value })}>
          {render(value)} · {n}
        </Button>
      );
    })}
  </Flex>
);

const ReviewDeskPage = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const stageLabel = useStageLabel();
  const { get } = useFetchClient();
  const allowed = usePermissions(PERMISSIONS);
  const permissionsLoading = allowed.isLoading;
  const [desk, setDesk] = React.useState<Desk | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [filter, setFilter] = React.useState<Filter>(null);

  React.useEffect(() => {
    if (!allowed.can.read) return;
    get<{ data: Desk }>(`/${PLUGIN_ID}/desk`)
      .then((res) => setDesk(res.data.data))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [get, allowed.can.read]);

  if (permissionsLoading) return <Page.Loading />;
  if (!allowed.can.read) return <Page.NoPermissions />;
  if (error) return <Page.Error />;
  if (!desk) return <Page.Loading />;

  const queue = filter ? desk.queue.filter((item) => (filter.key === 'uid' ? item.uid : filter.key === 'site' ? item.site : item.stage) === filter.value) : desk.queue;

  return (
    <Page.Main>
      <Page.Title>{t('desk.title', 'Review desk')}</Page.Title>
      <Layouts.Header
        title={t('desk.title', 'Review desk')}
        subtitle={t('desk.subtitle', 'Three reviews before anything publishes (三审三校)')}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography variant="delta" tag="h2">
                {t('desk.queue', 'Waiting for me')} ({desk.queue.length})
              </Typography>
              <Counts counts={desk.counts.byStage} label={t('desk.byStage', 'By stage')} render={(s) => (isReviewStage(s) ? stageLabel(s) : s)} filterKey="stage" filter={filter} onFilter={setFilter} />
              <Counts counts={desk.counts.bySite} label={t('desk.bySite', 'By site')} render={(s) => s || '—'} filterKey="site" filter={filter} onFilter={setFilter} />
              <Counts counts={desk.counts.byType} label={t('desk.byType', 'By type')} render={typeName} filterKey="uid" filter={filter} onFilter={setFilter} />
              <ItemTable items={queue} testId="jiyue-desk-queue" />
            </Flex>
          </Box>
          {allowed.can.submit && (
            <>
              <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
                <Flex direction="column" alignItems="stretch" gap={4}>
                  <Typography variant="delta" tag="h2">
                    {t('desk.sentBack', 'Sent back to me')} ({desk.sentBack.length})
                  </Typography>
                  <ItemTable
                    items={desk.sentBack}
                    testId="jiyue-desk-sent-back"
                    extra={(item) => {
                      const back = item as SentBackItem;
                      return (
                        <Typography>
                          {back.comment ?? ''} {back.by ? `— ${back.by}` : ''}
                        </Typography>
                      );
                    }}
                  />
                </Flex>
              </Box>
              <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
                <Flex direction="column" alignItems="stretch" gap={4}>
                  <Typography variant="delta" tag="h2">
                    {t('desk.mine', 'My submissions')} ({desk.mine.length})
                  </Typography>
                  <ItemTable items={desk.mine} testId="jiyue-desk-mine" />
                </Flex>
              </Box>
            </>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default ReviewDeskPage;
