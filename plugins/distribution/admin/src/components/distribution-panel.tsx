import * as React from 'react';
import { Badge, Box, Button, Checkbox, Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification, useQueryParams } from '@strapi/strapi/admin';
import { unstable_useContentManagerContext as useContentManagerContext } from '@strapi/content-manager/strapi-admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { usePermissions } from '@jiyue/admin-ui';
import { PERMISSIONS, PLUGIN_ID, getTranslation } from '../constants';
import { errorMessage, useDistribution, type Available, type Delivery, type TargetDeliveries } from '../hooks/use-distribution';

/** Distribution follows the cluster: every type that opts in to site-group (`pluginOptions['site-group'].enabled`). */
const isClusterType = (contentType?: { pluginOptions?: Record<string, unknown> } | null) =>
  (contentType?.pluginOptions?.['site-group'] as { enabled?: boolean } | undefined)?.enabled === true;

/** Targets are chosen for a draft (before submission, or after it was sent back); read-only in review and after. */
const EDITABLE_STAGES = new Set(['draft']);

type Shown = 'queued' | 'sent' | 'failed' | 'retracted' | 'withdrawn' | 'cancelled';

/** What the editor reads for a delivery's status. */
const shownStatus = (d: Delivery): Shown => {
  if (d.status === 'pending' || d.status === 'in_flight') return 'queued';
  if (d.status === 'dead') return 'failed';
  if (d.status === 'cancelled') return 'cancelled';
  if (d.operation === 'delete') return d.retractionId ? 'retracted' : 'withdrawn';
  return 'sent';
};

const STATUS_COLOURS: Record<Shown, { backgroundColor: string; textColor: string }> = {
  queued: { backgroundColor: 'secondary100', textColor: 'secondary700' },
  sent: { backgroundColor: 'success100', textColor: 'success700' },
  failed: { backgroundColor: 'danger100', textColor: 'danger700' },
  retracted: { backgroundColor: 'warning100', textColor: 'warning700' },
  withdrawn: { backgroundColor: 'neutral150', textColor: 'neutral700' },
  cancelled: { backgroundColor: 'neutral150', textColor: 'neutral700' },
};

const STATUS_DEFAULTS: Record<Shown, string> = {
  queued: 'Queued',
  sent: 'Sent',
  failed: 'Failed',
  retracted: 'Retracted',
  withdrawn: 'Withdrawn',
  cancelled: 'Cancelled',
};

/** The remote ids of a receipt (WeChat publishId, Weibo post id, placement id, HTTP status …), without our own bookkeeping. */
const receiptParts = (receipt: Record<string, unknown> | null) =>
  Object.entries(receipt ?? {})
    .filter(([key, value]) => !['instance', 'at'].includes(key) && value !== null && value !== undefined && typeof value !== 'object')
    .map(([key, value]) => `${key}: ${String(value)}`);

const Section = ({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) => (
  <Flex direction="column" alignItems="stretch" gap={2} data-testid={testId}>
    <Typography variant="sigma" textColor="neutral600" tag="h3">
      {title}
    </Typography>
    {children}
  </Flex>
);

const Muted = ({ children }: { children: React.ReactNode }) => (
  <Typography variant="pi" textColor="neutral600">
    {children}
  </Typography>
);

/** The webhooks, WeChat and Weibo accounts of the owning site, as checkboxes (read-only once submitted). */
const ChannelChoice = ({
  available,
  editable,
  onSave,
}: {
  available: Available;
  editable: boolean;
  onSave: (channels: string[]) => Promise<void>;
}) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) => formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const stored = React.useMemo(() => available.chosen?.channels ?? [], [available]);
  const [picked, setPicked] = React.useState<Set<string>>(new Set(stored));
  const [busy, setBusy] = React.useState(false);
  React.useEffect(() => setPicked(new Set(stored)), [stored]);
  const changed = picked.size !== stored.length || stored.some((key) => !picked.has(key));

  if (!available.channels.length) return <Muted>{t('panel.channels.none', 'The owning site has no webhook, WeChat or Weibo channel.')}</Muted>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex direction="column" alignItems="stretch" gap={1} tag="ul">
        {available.channels.map((channel) => (
          <li key={channel.key} data-channel={channel.key}>
            <Checkbox
              name={`channel-${channel.key}`}
              disabled={!editable || channel.autoDeliver}
              checked={channel.autoDeliver || picked.has(channel.key)}
              onCheckedChange={(checked) => {
                const next = new Set(picked);
                if (checked) next.add(channel.key);
                else next.delete(channel.key);
                setPicked(next);
              }}
            >
              {`${t(`kind.${channel.kind}`, channel.kind)} · ${channel.name}`}
            </Checkbox>
            {channel.autoDeliver && (
              <Box paddingLeft={6}>
                <Muted>{t('panel.channels.auto', 'Receives every publish of the site')}</Muted>
              </Box>
            )}
          </li>
        ))}
      </Flex>
      {editable ? (
        <Button
          size="S"
          variant="secondary"
          data-testid="distribution-save-targets"
          disabled={!changed}
          loading={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onSave(available.channels.map((c) => c.key).filter((key) => picked.has(key)));
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('panel.channels.save', 'Save targets')}
        </Button>
      ) : (
        <Muted>{t('panel.channels.locked', 'Chosen at submission: no longer changeable.')}</Muted>
      )}
    </Flex>
  );
};

/** Status per target after publish: the newest delivery, its receipt, and Retry for a failed one. */
const DeliveryList = ({
  targets,
  names,
  canRetry,
  onRetry,
}: {
  targets: TargetDeliveries[];
  names: Map<string, string>;
  canRetry: boolean;
  onRetry: (delivery: Delivery) => Promise<void>;
}) => {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) => formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const [busy, setBusy] = React.useState<number | null>(null);
  const label = (target: TargetDeliveries) => {
    if (target.channelKind === 'site-column') {
      const [site, column] = target.channelKey.slice('site-column:'.length).split('/');
      return t('panel.deliveries.column', 'Column {column} of {site}', { site, column });
    }
    return `${t(`kind.${target.channelKind}`, target.channelKind)} · ${names.get(target.channelKey) ?? target.channelKey}`;
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="ul" data-testid="distribution-deliveries">
      {targets.map((target) => {
        const d = target.latest;
        const shown = shownStatus(d);
        const at = d.deliveredAt ?? d.updatedAt;
        const receipt = receiptParts(d.receipt);
        return (
          <Box key={target.channelKey} tag="li" padding={2} background="neutral100" hasRadius data-target={target.channelKey} data-status={shown}>
            <Flex direction="column" alignItems="stretch" gap={1}>
              <Flex gap={2} wrap="wrap" justifyContent="space-between">
                <Typography variant="omega" fontWeight="semiBold">
                  {label(target)}
                </Typography>
                <Badge {...STATUS_COLOURS[shown]}>{t(`status.${shown}`, STATUS_DEFAULTS[shown])}</Badge>
              </Flex>
              <Muted>
                {t('panel.deliveries.meta', '{operation} · {at} · attempts {attempts}', {
                  operation: t(`operation.${d.operation}`, d.operation),
                  at: at ? formatDate(at, { dateStyle: 'short', timeStyle: 'medium' }) : '—',
                  attempts: d.maxAttempts ? `${d.attempts}/${d.maxAttempts}` : d.attempts,
                })}
              </Muted>
              <Typography variant="pi" textColor="neutral700" data-testid="distribution-receipt">
                {t('panel.deliveries.receipt', 'Receipt: delivery #{id}', { id: d.id })}
                {receipt.length ? ` · ${receipt.join(' · ')}` : ''}
              </Typography>
              {shown === 'failed' && d.lastError && (
                <Typography variant="pi" textColor="danger600" data-testid="distribution-error">
                  {d.lastError}
                </Typography>
              )}
              {shown === 'failed' && canRetry && (
                <Box>
                  <Button
                    size="S"
                    variant="danger-light"
                    data-testid="distribution-retry"
                    loading={busy === d.id}
                    onClick={async () => {
                      setBusy(d.id);
                      try {
                        await onRetry(d);
                      } finally {
                        setBusy(null);
                      }
                    }}
                  >
                    {t('panel.deliveries.retry', 'Retry')}
                  </Button>
                </Box>
              )}
            </Flex>
          </Box>
        );
      })}
    </Flex>
  );
};

const DistributionPanelContent = ({ model, documentId, document }: PanelComponentProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) => formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const { put, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const doc = (document ?? {}) as { locale?: string; updatedAt?: unknown; status?: unknown; publishedAt?: unknown };
  const locale = query.plugins?.i18n?.locale ?? doc.locale ?? undefined;
  const published = doc.status === 'published' || doc.status === 'modified' || Boolean(doc.publishedAt);
  const revision = `${doc.updatedAt ?? ''}|${doc.status ?? ''}|${doc.publishedAt ?? ''}`;
  const allowed = usePermissions(PERMISSIONS);
  const { available, deliveries, stage, error, reload } = useDistribution(model, documentId, locale, revision, published);

  if (!documentId) return <Muted>{t('panel.saveFirst', 'Save the draft first to choose where it goes.')}</Muted>;
  if (allowed.isLoading || (!available && !error)) return <Muted>{t('panel.loading', 'Loading…')}</Muted>;
  if (!allowed.can.read) return <Muted>{t('panel.noPermission', 'You may not see where this item is delivered.')}</Muted>;
  if (error || !available) {
    return (
      <Typography variant="pi" textColor="danger600">
        {error}
      </Typography>
    );
  }

  // Without review-workflow's state (not readable here), a draft that never went out is still open.
  const editable = allowed.can.choose && (stage === null ? !published : EDITABLE_STAGES.has(stage));
  const names = new Map<string, string>(available.channels.map((c) => [c.key, c.name]));

  const save = async (channels: string[]) => {
    try {
      await put(`/${PLUGIN_ID}/targets/${model}/${documentId}`, { locale, targets: { placements: available.chosen?.placements ?? [], channels } });
      toggleNotification({ type: 'success', message: t('panel.channels.saved', 'Targets saved') });
      reload();
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    }
  };

  const retry = async (delivery: Delivery) => {
    try {
      await post(`/${PLUGIN_ID}/deliveries/${delivery.id}/retry`, {});
      toggleNotification({ type: 'success', message: t('panel.deliveries.retried', 'Queued again') });
      reload();
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%" data-testid="distribution-panel" data-editable={editable ? 'true' : 'false'}>
      <Section title={t('panel.channels', 'Push to')} testId="distribution-channels">
        <ChannelChoice available={available} editable={editable} onSave={save} />
      </Section>

      <Section title={t('panel.feeds', 'Feeds (follow the columns)')} testId="distribution-feeds">
        {available.feeds.length ? (
          <Flex direction="column" alignItems="stretch" gap={1} tag="ul">
            {available.feeds.map((feed) => (
              <Flex key={`${feed.site}/${feed.column}`} tag="li" gap={2} data-feed={`${feed.site}/${feed.column}`}>
                <Typography variant="pi">{`${feed.site} / ${feed.column}`}</Typography>
                <Link href={feed.rss} isExternal>
                  RSS
                </Link>
                <Link href={feed.json} isExternal>
                  JSON
                </Link>
              </Flex>
            ))}
          </Flex>
        ) : (
          <Muted>{t('panel.feeds.none', 'Not yet live in a column with a feed.')}</Muted>
        )}
      </Section>

      {available.policyLibraries.length > 0 && (
        <Section title={t('panel.policyLibraries', 'Policy libraries (by their rules)')} testId="distribution-policy-libraries">
          {available.policyLibraries.map((library) => (
            <Typography key={library.key} variant="pi">
              {library.name}
            </Typography>
          ))}
        </Section>
      )}

      {(published || (deliveries?.length ?? 0) > 0) && (
        <Section title={t('panel.deliveries', 'Delivery status')}>
          {deliveries?.length ? (
            <DeliveryList targets={deliveries} names={names} canRetry={allowed.can.retry} onRetry={retry} />
          ) : (
            <Muted>{t('panel.deliveries.none', 'Nothing delivered yet.')}</Muted>
          )}
        </Section>
      )}
    </Flex>
  );
};

/** The Distribution side panel of the edit view, on every type that takes part in the cluster. */
export const DistributionPanel: PanelComponent = (props) => {
  const { formatMessage } = useIntl();
  const { contentType } = useContentManagerContext();
  if (!isClusterType(contentType as never)) return null;
  return {
    title: formatMessage({ id: getTranslation('panel.title'), defaultMessage: 'Distribution 一次生产多源推送' }),
    content: <DistributionPanelContent {...props} />,
  };
};
DistributionPanel.type = 'distribution' as never;
