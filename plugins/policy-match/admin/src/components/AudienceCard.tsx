import * as React from 'react';
import { Box, Button, Flex, ProgressBar, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { errorMessage, errorStatus, useGet, useT } from '../api';
import { Card, tibetan } from './ui';

/** The reverse match of a policy (`GET /policies/:documentId/audience`); the fields after `count` are sent when the server stores runs. */
export interface Audience {
  count: number | null;
  asOf?: string;
  byRegion: { code: string; nameZh: string | null; nameBo: string | null; count: number | null; belowThreshold?: boolean }[];
  closedReasons?: string[];
  /** When the stored result was computed, and whether it is the current policy version's. */
  computedAt?: string | null;
  current?: boolean;
  run?: { status: 'queued' | 'running' | 'done' | 'failed'; progress?: number | null } | null;
  sampleWithheld?: string | null;
}

const POLL_MS = 2_000;

const ago = (iso: string, t: ReturnType<typeof useT>) => {
  const seconds = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return t('audience.secondsAgo', '{n} s ago', { n: seconds });
  if (seconds < 3600) return t('audience.minutesAgo', '{n} min ago', { n: Math.round(seconds / 60) });
  return t('audience.hoursAgo', '{n} h ago', { n: Math.round(seconds / 3600) });
};

/**
 * Who the saved rules reach among stored profiles (政策找人): the count, its age, a running background
 * count's progress (polled), and the breakdown by region as a table with bars. Only for a published
 * policy with saved rules; the server decides what a site's editor may see.
 */
export const AudienceCard = ({ documentId, revision }: { documentId: string; revision: number }) => {
  const t = useT();
  const [tick, setTick] = React.useState(0);
  const { data, error, loading, reload } = useGet<Audience>(`/policies/${documentId}/audience`);
  const first = React.useRef(true);
  React.useEffect(() => {
    if (first.current) first.current = false;
    else reload();
  }, [revision, tick, reload]);
  const running = data?.run?.status === 'running' || data?.run?.status === 'queued';
  React.useEffect(() => {
    if (!running) return undefined;
    const timer = setTimeout(() => setTick((n) => n + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [running, data]);

  const max = Math.max(1, ...(data?.byRegion ?? []).map((r) => r.count ?? 0));
  return (
    <Card
      title={t('audience.title', 'Who it reaches (reverse match)')}
      testId="pm-audience"
      actions={
        <Button size="S" variant="tertiary" onClick={reload} loading={loading} data-testid="pm-audience-reload">
          {t('audience.reload', 'Recount')}
        </Button>
      }
    >
      {error ? (
        <Typography variant="pi" textColor="neutral600" data-testid="pm-audience-none">
          {errorStatus(error) === 404 ? t('audience.notPublished', 'Counted once the policy is published with saved rules.') : errorMessage(error)}
        </Typography>
      ) : data ? (
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Flex gap={3} alignItems="baseline">
            <Typography variant="alpha" data-testid="pm-audience-count">
              {data.count ?? '—'}
            </Typography>
            <Typography variant="pi" textColor="neutral600">
              {t('audience.profiles', 'eligible stored profiles')}
              {data.computedAt ? ` · ${ago(data.computedAt, t)}` : ''}
              {data.current === false ? ` · ${t('audience.stale', 'of an earlier version of the rules')}` : ''}
            </Typography>
          </Flex>
          {running && (
            <Box>
              <Typography variant="pi">{t('audience.running', 'Counting in the background…')}</Typography>
              <ProgressBar value={Math.round((data.run?.progress ?? 0) * 100)} />
            </Box>
          )}
          {data.closedReasons?.length ? (
            <Typography variant="pi" textColor="warning700">
              {t('audience.closed', 'The policy is closed ({reasons}): it reaches nobody now.', { reasons: data.closedReasons.join(', ') })}
            </Typography>
          ) : null}
          {data.sampleWithheld && (
            <Typography variant="pi" textColor="neutral600">
              {t('audience.withheld', 'The rules test a sensitive fact: no sample is shown and small regions are not counted.')}
            </Typography>
          )}
          {data.byRegion.length > 0 && (
            <Table colCount={3} rowCount={data.byRegion.length + 1} data-testid="pm-audience-regions">
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">{t('audience.region', 'Region')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('audience.count', 'Profiles')}</Typography></Th>
                  <Th><Typography variant="sigma"> </Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {data.byRegion.map((r) => (
                  <Tr key={r.code} data-region={r.code}>
                    <Td>
                      <Typography>{r.nameZh ?? (r.code === 'unknown' ? t('audience.unknownRegion', 'unknown') : r.code)}</Typography>{' '}
                      {r.nameBo && (
                        <Typography variant="pi" textColor="neutral600" style={tibetan}>
                          {r.nameBo}
                        </Typography>
                      )}
                    </Td>
                    <Td><Typography>{r.belowThreshold ? t('audience.below', '< 5') : r.count ?? '—'}</Typography></Td>
                    <Td>
                      <Box background="primary500" hasRadius style={{ height: 8, width: `${Math.round(((r.count ?? 0) / max) * 160)}px` }} />
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Flex>
      ) : (
        <Typography variant="pi">{t('loading', 'Loading…')}</Typography>
      )}
    </Card>
  );
};
