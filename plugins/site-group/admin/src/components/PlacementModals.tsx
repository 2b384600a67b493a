/**
 * The Site panel's three dialogs: add placements (columns of any sites, ticked in the tree; pending
 * where the editor does not act), submit upward (报送, a column of a site above the owner) and push
 * downward (下发, one column slug in chosen sites below the owner or every site at a level).
 */
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Button, Field, Flex, Modal, Radio, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { getTranslation } from '../utils/get-translation';
import { errorMessage, useAdminData } from '../utils/use-admin-data';
import type { SiteNode } from '../types';
import { SiteTreePicker } from './SiteTreePicker';
import { useTreeLabels } from './tree-labels';

interface ModalProps {
  model: string;
  documentId: string;
  onClose: () => void;
  onDone: (message: string) => void;
}

const useT = () => {
  const { formatMessage } = useIntl();
  return (id: string, defaultMessage: string, values?: Record<string, string | number>) => formatMessage({ id: getTranslation(id), defaultMessage }, values);
};

/** The path from a root to the site with `code` (root first), or null. */
const pathTo = (nodes: SiteNode[], code: string): SiteNode[] | null => {
  for (const node of nodes) {
    if (node.code === code) return [node];
    const below = pathTo(node.children, code);
    if (below) return [node, ...below];
  }
  return null;
};

/** What a batch placement or a push answers: the placements made and the targets skipped. */
interface PlacedAndSkipped {
  placed: { state: string }[];
  skipped: unknown[];
}

const useSend = (onDone: (m: string) => void) => {
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = React.useState(false);
  const send = async <T,>(request: () => Promise<{ data: { data: T } }>, message: (data: T) => string) => {
    setBusy(true);
    try {
      const res = await request();
      onDone(message(res.data.data));
      return true;
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, send };
};

const ModeChoice = ({ value, onChange }: { value: string; onChange: (v: 'reference' | 'copy') => void }) => {
  const t = useT();
  return (
    <Field.Root name="mode" hint={t('modal.mode.hint', 'A reference always shows the current version; a copy is an independent document of the target site.')}>
      <Field.Label>{t('modal.mode', 'How')}</Field.Label>
      <Radio.Group value={value} onValueChange={(v: string) => onChange(v as 'reference' | 'copy')} aria-label={t('modal.mode', 'How')}>
        <Radio.Item value="reference">{t('mode.reference', 'reference')}</Radio.Item>
        <Radio.Item value="copy">{t('mode.copy', 'copy')}</Radio.Item>
      </Radio.Group>
      <Field.Hint />
    </Field.Root>
  );
};

const Frame = ({ title, children, onClose, onConfirm, confirm, busy, disabled }: { title: string; children: React.ReactNode; onClose: () => void; onConfirm: () => void; confirm: string; busy: boolean; disabled?: boolean }) => {
  const t = useT();
  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {children}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onClose}>
            {t('modal.cancel', 'Cancel')}
          </Button>
          <Button onClick={onConfirm} loading={busy} disabled={disabled}>
            {confirm}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

export const AddPlacementsModal = ({ model, documentId, onClose, onDone }: ModalProps) => {
  const t = useT();
  const labels = useTreeLabels();
  const tree = useAdminData<SiteNode[]>('/site-group/site-tree');
  const { post } = useFetchClient();
  const [picked, setPicked] = React.useState<Set<string>>(new Set());
  const [mode, setMode] = React.useState<'reference' | 'copy'>('reference');
  const { busy, send } = useSend(onDone);
  const confirm = async () => {
    const targets = [...picked].map((key) => {
      const [site, column] = key.split('/');
      return { site, column };
    });
    const ok = await send(
      () => post<{ data: PlacedAndSkipped }>('/site-group/placements/batch', { contentType: model, documentId, targets, mode }),
      (data) =>
        t('modal.add.done', '{active} live, {pending} waiting for acceptance, {skipped} already there', {
          active: data.placed.filter((p) => p.state === 'active').length,
          pending: data.placed.filter((p) => p.state === 'pending').length,
          skipped: data.skipped.length,
        })
    );
    if (ok) onClose();
  };
  return (
    <Frame title={t('modal.add.title', 'Add placements')} onClose={onClose} onConfirm={confirm} confirm={t('modal.add.confirm', 'Place in {count} columns', { count: picked.size })} busy={busy} disabled={!picked.size}>
      <Typography variant="pi" textColor="neutral600">
        {t('modal.add.hint', "Open a site to tick its columns. Columns of sites that are not yours wait until that site's editors accept.")}
      </Typography>
      {tree.data ? <SiteTreePicker mode="columns" sites={tree.data} value={picked} onChange={setPicked} labels={labels} selectable={() => true} /> : null}
      {tree.error ? <Typography textColor="danger600">{tree.error}</Typography> : null}
      <ModeChoice value={mode} onChange={setMode} />
    </Frame>
  );
};

export const SubmitModal = ({ model, documentId, ownerSite, onClose, onDone }: ModalProps & { ownerSite: string }) => {
  const t = useT();
  const labels = useTreeLabels();
  const tree = useAdminData<SiteNode[]>('/site-group/site-tree');
  const { post } = useFetchClient();
  const [picked, setPicked] = React.useState<Set<string>>(new Set());
  const { busy, send } = useSend(onDone);
  // Only the sites above the owner, as a chain (each with its columns).
  const above = React.useMemo(() => {
    const path = pathTo(tree.data ?? [], ownerSite)?.slice(0, -1) ?? [];
    return path.reduceRight<SiteNode[]>((children, node) => [{ ...node, children }], []);
  }, [tree.data, ownerSite]);
  const confirm = async () => {
    const [key] = [...picked];
    const [site, column] = key.split('/');
    const ok = await send(() => post('/site-group/submissions', { contentType: model, documentId, site, column }), () => t('modal.submit.done', 'Submitted: waiting for acceptance'));
    if (ok) onClose();
  };
  return (
    <Frame title={t('modal.submit.title', 'Submit upward (报送)')} onClose={onClose} onConfirm={confirm} confirm={t('modal.submit.confirm', 'Submit')} busy={busy} disabled={picked.size !== 1}>
      <Typography variant="pi" textColor="neutral600">
        {t('modal.submit.hint', 'Choose one column of a site above yours. Its editors accept or reject the submission.')}
      </Typography>
      {tree.data && !above.length ? <Typography>{t('modal.submit.none', 'No site is above the owning site.')}</Typography> : null}
      {above.length ? (
        <SiteTreePicker mode="columns" sites={above} value={picked} onChange={(next) => setPicked(new Set([...next].filter((k) => !picked.has(k)).slice(-1)))} labels={labels} selectable={() => true} />
      ) : null}
    </Frame>
  );
};

const LEVELS = ['prefecture', 'county', 'township', 'village'] as const;

export const PushModal = ({ model, documentId, ownerSite, onClose, onDone }: ModalProps & { ownerSite: string }) => {
  const t = useT();
  const labels = useTreeLabels();
  const tree = useAdminData<SiteNode[]>('/site-group/site-tree');
  const { post } = useFetchClient();
  const [how, setHow] = React.useState<'level' | 'sites'>('level');
  const [level, setLevel] = React.useState<string>('county');
  const [column, setColumn] = React.useState<string>('');
  const [picked, setPicked] = React.useState<Set<string>>(new Set());
  const [mode, setMode] = React.useState<'reference' | 'copy'>('reference');
  const { busy, send } = useSend(onDone);
  const owner = React.useMemo(() => pathTo(tree.data ?? [], ownerSite)?.slice(-1)[0] ?? null, [tree.data, ownerSite]);
  // The chosen sites are ticked as their column (the slug chosen above) in the tree below the owner.
  const slugs = React.useMemo(() => {
    const out = new Map<string, string>();
    const walk = (nodes: SiteNode[]) => nodes.forEach((n) => (n.columns.forEach((c) => out.set(c.slug, c.name)), walk(n.children)));
    if (owner) walk(owner.children);
    return [...out.entries()];
  }, [owner]);
  const below = owner?.children ?? [];
  const sitesFor = (nodes: SiteNode[]): SiteNode[] =>
    nodes.map((n) => ({ ...n, columns: n.columns.filter((c) => c.slug === column).map((c) => ({ ...c, children: [] })), children: sitesFor(n.children) }));
  const confirm = async () => {
    const body =
      how === 'level'
        ? { contentType: model, documentId, column, level, mode }
        : { contentType: model, documentId, column, sites: [...picked].map((k) => k.split('/')[0]), mode };
    const ok = await send(
      () => post<{ data: PlacedAndSkipped }>('/site-group/pushes', body),
      (data) =>
        t('modal.push.done', 'Pushed to {placed} sites ({pending} waiting for acceptance), {skipped} skipped', {
          placed: data.placed.length,
          pending: data.placed.filter((p) => p.state === 'pending').length,
          skipped: data.skipped.length,
        })
    );
    if (ok) onClose();
  };
  return (
    <Frame
      title={t('modal.push.title', 'Push downward (下发)')}
      onClose={onClose}
      onConfirm={confirm}
      confirm={t('modal.push.confirm', 'Push')}
      busy={busy}
      disabled={!column || (how === 'sites' && !picked.size)}
    >
      <Field.Root name="column" required>
        <Field.Label>{t('modal.push.column', 'Column')}</Field.Label>
        <SingleSelect value={column} onChange={(v: string | number) => setColumn(String(v))} placeholder={t('modal.push.column.placeholder', 'Choose a column')}>
          {slugs.map(([slug, name]) => (
            <SingleSelectOption key={slug} value={slug}>
              {name}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
      <Radio.Group value={how} onValueChange={(v: string) => setHow(v as 'level' | 'sites')} aria-label={t('modal.push.how', 'Targets')}>
        <Radio.Item value="level">{t('modal.push.level', 'Every site at a level')}</Radio.Item>
        <Radio.Item value="sites">{t('modal.push.sites', 'Chosen sites')}</Radio.Item>
      </Radio.Group>
      {how === 'level' ? (
        <Field.Root name="level">
          <Field.Label>{t('modal.push.levelLabel', 'Level')}</Field.Label>
          <SingleSelect value={level} onChange={(v: string | number) => setLevel(String(v))}>
            {LEVELS.map((l) => (
              <SingleSelectOption key={l} value={l}>
                {t(`level.${l}`, l)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      ) : column ? (
        <SiteTreePicker mode="columns" sites={sitesFor(below)} value={picked} onChange={setPicked} labels={labels} selectable={() => true} />
      ) : null}
      <ModeChoice value={mode} onChange={setMode} />
    </Frame>
  );
};
