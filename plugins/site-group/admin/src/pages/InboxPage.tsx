/**
 * The placement inbox (a page in the left menu): placements into the editor's sites waiting for
 * acceptance — submissions from lower sites (报送), pushes from higher ones (下发), requests from
 * neighbouring sites — oldest first, to accept, or to reject with a reason. One site or all of the
 * editor's sites. Shown with `placement.review`; the server checks the site of every decision.
 */
import * as React from 'react';
import { useIntl } from 'react-intl';
import {
  Badge,
  Box,
  Button,
  EmptyStateLayout,
  Field,
  Flex,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Textarea,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { getTranslation } from '../utils/get-translation';
import { errorMessage, useAdminData } from '../utils/use-admin-data';
import { PERMISSIONS } from '../permissions';
import type { Placement, SiteNode } from '../types';

const flatMine = (nodes: SiteNode[]): SiteNode[] => nodes.flatMap((n) => [...(n.mine ? [n] : []), ...flatMine(n.children)]);

const Inbox = () => {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) => formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [site, setSite] = React.useState<string>('');
  const sites = useAdminData<SiteNode[]>('/site-group/site-tree?mine=true');
  const inbox = useAdminData<Placement[]>(`/site-group/inbox${site ? `?site=${encodeURIComponent(site)}` : ''}`);
  const [rejecting, setRejecting] = React.useState<Placement | null>(null);
  const [reason, setReason] = React.useState('');
  const [busy, setBusy] = React.useState<number | null>(null);

  const decide = async (p: Placement, decision: 'accept' | 'reject', body: Record<string, unknown>) => {
    setBusy(p.id);
    try {
      await post(`/site-group/placements/${p.id}/${decision}`, body);
      toggleNotification({ type: 'success', message: decision === 'accept' ? t('inbox.accepted', 'Accepted: it is live in the column') : t('inbox.rejected', 'Rejected') });
      setRejecting(null);
      setReason('');
      inbox.reload();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  const rows = inbox.data ?? [];
  return (
    <Page.Main>
      <Page.Title>{t('inbox.title', 'Placement inbox')}</Page.Title>
      <Layouts.Header
        title={t('inbox.title', 'Placement inbox')}
        subtitle={t('inbox.subtitle', '{count} waiting for acceptance', { count: rows.length })}
        primaryAction={
          <Box minWidth="24rem">
            <SingleSelect aria-label={t('inbox.site', 'Site')} value={site} onChange={(v: string | number) => setSite(String(v))} placeholder={t('inbox.allSites', 'All my sites')} onClear={() => setSite('')}>
              {flatMine(sites.data ?? []).map((s) => (
                <SingleSelectOption key={s.code} value={s.code}>
                  {s.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
        }
      />
      <Layouts.Content>
        {inbox.error ? <Typography textColor="danger600">{inbox.error}</Typography> : null}
        {!inbox.loading && !rows.length && !inbox.error ? (
          <EmptyStateLayout content={t('inbox.empty', 'Nothing is waiting for your sites.')} />
        ) : (
          <Table colCount={7} rowCount={rows.length + 1} data-testid="inbox-table">
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{t('inbox.item', 'Item')}</Typography></Th>
                <Th><Typography variant="sigma">{t('inbox.from', 'From')}</Typography></Th>
                <Th><Typography variant="sigma">{t('inbox.to', 'Into')}</Typography></Th>
                <Th><Typography variant="sigma">{t('inbox.kind', 'Kind')}</Typography></Th>
                <Th><Typography variant="sigma">{t('inbox.by', 'By')}</Typography></Th>
                <Th><Typography variant="sigma">{t('inbox.when', 'Sent')}</Typography></Th>
                <Th><Typography variant="sigma">{t('inbox.actions', 'Decision')}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((p) => (
                <Tr key={p.id} data-placement={p.id}>
                  <Td>
                    <Typography fontWeight="semiBold">{p.title ?? p.documentId}</Typography>
                    <Typography variant="pi" textColor="neutral600" tag="p">{t(`mode.${p.mode}`, p.mode)}</Typography>
                  </Td>
                  <Td><Typography>{p.owner?.name ?? p.ownerSite}</Typography></Td>
                  <Td><Typography>{p.site?.name} / {p.column?.name}</Typography></Td>
                  <Td><Badge>{t(`origin.${p.origin}`, p.origin)}</Badge></Td>
                  <Td><Typography>{p.placedBy?.name ?? '—'}</Typography></Td>
                  <Td><Typography>{formatDate(p.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</Typography></Td>
                  <Td>
                    <Flex gap={2}>
                      <Button size="S" loading={busy === p.id} onClick={() => decide(p, 'accept', {})}>
                        {t('inbox.accept', 'Accept')}
                      </Button>
                      <Button size="S" variant="danger-light" disabled={busy === p.id} onClick={() => setRejecting(p)}>
                        {t('inbox.reject', 'Reject')}
                      </Button>
                    </Flex>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
      {rejecting ? (
        <Modal.Root open onOpenChange={(open: boolean) => !open && setRejecting(null)}>
          <Modal.Content>
            <Modal.Header>
              <Modal.Title>{t('inbox.rejectTitle', 'Reject “{title}”', { title: rejecting.title ?? rejecting.documentId })}</Modal.Title>
            </Modal.Header>
            <Modal.Body>
              <Field.Root name="reason" required hint={t('inbox.reasonHint', 'The sender sees it.')}>
                <Field.Label>{t('inbox.reason', 'Reason')}</Field.Label>
                <Textarea value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
                <Field.Hint />
              </Field.Root>
            </Modal.Body>
            <Modal.Footer>
              <Button variant="tertiary" onClick={() => setRejecting(null)}>
                {t('modal.cancel', 'Cancel')}
              </Button>
              <Button variant="danger" disabled={reason.trim().length < 2} loading={busy === rejecting.id} onClick={() => decide(rejecting, 'reject', { reason: reason.trim() })}>
                {t('inbox.reject', 'Reject')}
              </Button>
            </Modal.Footer>
          </Modal.Content>
        </Modal.Root>
      ) : null}
    </Page.Main>
  );
};

/** The routed page, behind `placement.review` (the menu link asks for the same). */
export const InboxPage = () => (
  <Page.Protect permissions={PERMISSIONS.review}>
    <Inbox />
  </Page.Protect>
);

export default InboxPage;
