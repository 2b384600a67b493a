/**
 * An item's placements in the Site panel: site / column, mode, state, pinned, order and the site's
 * publish time, with the moves the editor may make (the receiving site's editors arrange; either
 * party withdraws). Every move goes to the server, which decides and audits.
 */
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Badge, Box, Button, Flex, IconButton, Loader, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp, Pin, Trash } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { getTranslation } from '../utils/get-translation';
import { errorMessage } from '../utils/use-admin-data';
import type { Placement } from '../types';

const STATE_COLOURS: Record<Placement['state'], { background: string; textColor: string }> = {
  active: { background: 'success100', textColor: 'success700' },
  pending: { background: 'warning100', textColor: 'warning700' },
  rejected: { background: 'danger100', textColor: 'danger700' },
  withdrawn: { background: 'neutral150', textColor: 'neutral600' },
};

/** `2024-05-01T08:00` for a datetime-local input, in the browser's time zone. */
const toLocalInput = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

export const PlacementList = ({
  placements,
  loading,
  canArrange,
  onChanged,
}: {
  placements: Placement[];
  loading: boolean;
  canArrange: boolean;
  onChanged: (message: string) => void;
}) => {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) => formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const { put, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = React.useState<number | null>(null);

  const run = async (id: number, request: () => Promise<unknown>, message: string) => {
    setBusy(id);
    try {
      await request();
      onChanged(message);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };
  const arrange = (p: Placement, body: Record<string, unknown>) => run(p.id, () => put(`/site-group/placements/${p.id}`, body), t('placement.saved', 'Placement updated'));

  if (loading && !placements.length) return <Loader small>{t('loading', 'Loading')}</Loader>;
  if (!placements.length) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {t('placement.none', 'Not placed in any column yet.')}
      </Typography>
    );
  }
  return (
    <ul data-testid="placement-list">
      {placements.map((p) => {
        const live = p.state === 'active' || p.state === 'pending';
        return (
          <li key={p.id} data-placement={`${p.site?.code}/${p.column?.slug}`}>
            <Box paddingTop={2} paddingBottom={2} borderColor="neutral150" style={{ borderBottomWidth: 1, borderBottomStyle: 'solid' }}>
              <Flex justifyContent="space-between" alignItems="flex-start" gap={2}>
                <Box>
                  <Typography fontWeight="semiBold">
                    {p.site?.name} / {p.column?.name}
                  </Typography>
                  <Flex gap={1} paddingTop={1} wrap="wrap">
                    <Badge {...STATE_COLOURS[p.state]}>{t(`state.${p.state}`, p.state)}</Badge>
                    <Badge>{t(`mode.${p.mode}`, p.mode)}</Badge>
                    {p.origin !== 'placed' ? <Badge>{t(`origin.${p.origin}`, p.origin)}</Badge> : null}
                    {p.pinned ? <Badge active>{t('placement.pinned', 'pinned')}</Badge> : null}
                    {p.priority ? <Badge>{t('placement.priority', 'order {priority}', { priority: p.priority })}</Badge> : null}
                  </Flex>
                  {p.reason ? (
                    <Typography variant="pi" textColor="neutral600" tag="p">
                      {t('placement.reason', 'Reason: {reason}', { reason: p.reason })}
                    </Typography>
                  ) : null}
                  {p.sitePublishedAt && !(live && canArrange) ? (
                    <Typography variant="pi" textColor="neutral600" tag="p">
                      {t('placement.publishedAt', 'Site publish time: {date}', { date: formatDate(p.sitePublishedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
                    </Typography>
                  ) : null}
                </Box>
                {live && canArrange ? (
                  <Flex gap={1}>
                    <IconButton
                      label={p.pinned ? t('placement.unpin', 'Unpin') : t('placement.pin', 'Pin')}
                      variant={p.pinned ? 'default' : 'ghost'}
                      disabled={busy === p.id}
                      onClick={() => arrange(p, { pinned: !p.pinned })}
                    >
                      <Pin />
                    </IconButton>
                    <IconButton label={t('placement.up', 'Move up')} variant="ghost" disabled={busy === p.id} onClick={() => arrange(p, { priority: Math.min(1000, p.priority + 1) })}>
                      <ArrowUp />
                    </IconButton>
                    <IconButton label={t('placement.down', 'Move down')} variant="ghost" disabled={busy === p.id} onClick={() => arrange(p, { priority: Math.max(-1000, p.priority - 1) })}>
                      <ArrowDown />
                    </IconButton>
                    <IconButton
                      label={t('placement.withdraw', 'Withdraw')}
                      variant="ghost"
                      disabled={busy === p.id}
                      onClick={() => run(p.id, () => post(`/site-group/placements/${p.id}/withdraw`), t('placement.withdrawn', 'Withdrawn from the column'))}
                    >
                      <Trash />
                    </IconButton>
                  </Flex>
                ) : null}
              </Flex>
              {live && canArrange ? (
                <Box paddingTop={1}>
                  <label>
                    <Typography variant="pi" textColor="neutral600">
                      {t('placement.setPublishedAt', 'Site publish time')}{' '}
                    </Typography>
                    <input
                      type="datetime-local"
                      defaultValue={toLocalInput(p.sitePublishedAt)}
                      disabled={busy === p.id}
                      onBlur={(e) => {
                        const value = e.currentTarget.value;
                        if (value && value !== toLocalInput(p.sitePublishedAt)) arrange(p, { sitePublishedAt: new Date(value).toISOString() });
                      }}
                    />
                  </label>
                </Box>
              ) : null}
            </Box>
          </li>
        );
      })}
      {loading ? <Loader small /> : null}
      <Box paddingTop={1}>
        <Button variant="ghost" size="S" onClick={() => onChanged(t('placement.refreshed', 'Refreshed'))}>
          {t('placement.refresh', 'Refresh')}
        </Button>
      </Box>
    </ul>
  );
};
