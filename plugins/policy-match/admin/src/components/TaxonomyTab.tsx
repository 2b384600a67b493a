import * as React from 'react';
import { Box, Button, Checkbox, Flex, Table, Tabs, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { errorMessage, useGet, useT, type Tag, type TagUsage } from '../api';
import { PLUGIN_ID, rulesEditorPath } from '../constants';
import { BoText, EntryDrawer, Field, SensitiveBadge, TextField, useDrawer, useSubmit } from './EntryDrawer';
import { Choice, Errors, tibetan } from './ui';

/** The taxonomy's dimensions, in the order the tabs show them. */
export const DIMENSIONS = ['audience', 'identity', 'enterprise-type', 'industry', 'enterprise-size', 'region', 'life-event', 'enterprise-stage', 'theme'] as const;

const DIMENSION_DEFAULTS: Record<string, string> = {
  audience: 'Audience',
  identity: 'Identity',
  'enterprise-type': 'Enterprise type',
  industry: 'Industry',
  'enterprise-size': 'Enterprise size',
  region: 'Region',
  'life-event': 'Life event',
  'enterprise-stage': 'Enterprise stage',
  theme: 'Theme',
};

/** Where a tag is used: policies (link to their rules editor, with the path of each use), profiles, subscriptions, child tags. */
const UsageList = ({ usage }: { usage: TagUsage }) => {
  const t = useT();
  if (!usage.inUse) {
    return (
      <Typography variant="pi" textColor="neutral600" data-testid="pm-tag-unused">
        {t('tag.unused', 'Not used: every field may change, and it may be deleted.')}
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-testid="pm-tag-usage">
      <Typography variant="pi" fontWeight="bold" textColor="warning700">
        {t('tag.inUse', '🔒 In use: code, dimension and delete are locked; names and synonyms stay editable.')}
      </Typography>
      {usage.policies.map((p) => (
        <Typography key={p.documentId} variant="pi">
          <Link to={rulesEditorPath(p.documentId)}>{p.title ?? p.documentId}</Link> · {p.paths.join(', ')}
        </Typography>
      ))}
      {usage.storedProfiles > 0 && <Typography variant="pi">{t('tag.profiles', '{n} stored profiles', { n: usage.storedProfiles })}</Typography>}
      {usage.subscriptions > 0 && <Typography variant="pi">{t('tag.subscriptions', '{n} subscriptions', { n: usage.subscriptions })}</Typography>}
      {usage.children.length > 0 && <Typography variant="pi">{t('tag.children', 'Child tags: {codes}', { codes: usage.children.join(', ') })}</Typography>}
    </Flex>
  );
};

/** Create or edit one tag; a tag in use keeps its code and dimension and cannot be deleted. */
const TagDrawer = ({ tag, dimension, canManage, onClose, onSaved }: { tag: Tag | null; dimension: string; canManage: boolean; onClose: () => void; onSaved: () => void }) => {
  const t = useT();
  const { put, del } = useFetchClient();
  const { errors, busy, submit } = useSubmit(onSaved);
  const usage = useGet<TagUsage>(tag ? `/tags/${encodeURIComponent(tag.code)}/usage` : null, canManage);
  const [form, setForm] = React.useState({
    code: tag?.code ?? '',
    dimension: tag?.dimension ?? dimension,
    nameZh: tag?.nameZh ?? '',
    nameBo: tag?.nameBo ?? '',
    synonyms: (tag?.synonyms ?? []).join('，'),
    parentCode: tag?.parentCode ?? '',
    sensitive: tag?.sensitive ?? false,
  });
  const locked = Boolean(tag) && (usage.data?.inUse ?? true);
  const at = (path: string) => errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`));

  const save = () =>
    submit(
      () =>
        put(`/${PLUGIN_ID}/tags`, {
          code: form.code.trim(),
          dimension: form.dimension,
          nameZh: form.nameZh,
          nameBo: form.nameBo.trim() ? form.nameBo.normalize('NFC') : null,
          synonyms: form.synonyms.split(/[,，、]/).map((s) => s.trim()).filter(Boolean),
          parentCode: form.parentCode.trim() || null,
          sensitive: form.sensitive,
        }),
      t('tag.saved', 'Tag saved'),
    );

  const remove = () => {
    if (!tag) return;
    void submit(() => del(`/${PLUGIN_ID}/tags/${encodeURIComponent(tag.code)}`), t('tag.deleted', 'Tag deleted'), usage.reload);
  };

  const field = (key: 'code' | 'nameZh' | 'nameBo' | 'synonyms' | 'parentCode', label: string, disabled = false, bo = false) => (
    <TextField
      label={label}
      name={key}
      testId={`pm-tag-${key}`}
      locked={disabled && locked}
      disabled={disabled || !canManage}
      value={form[key]}
      style={bo ? tibetan : undefined}
      onChange={(value) => setForm((f) => ({ ...f, [key]: value }))}
      errors={at(key)}
    />
  );

  return (
    <EntryDrawer testId="pm-tag" title={tag ? `${tag.nameZh} (${tag.code})` : t('tag.new', 'New tag')} canManage={canManage} locked={locked} busy={busy}
      onClose={onClose} onSave={save} onDelete={tag ? remove : undefined} saveLabel={t('tag.save', 'Save tag')} deleteLabel={t('tag.delete', 'Delete')}>
      {field('code', t('tag.code', 'Code'), Boolean(tag))}
      <Field label={t('tag.dimension', 'Dimension')} locked={locked} errors={at('dimension')}>
        <Box>
          <Choice label={t('tag.dimension', 'Dimension')} testId="pm-tag-dimension" value={form.dimension} disabled={locked || !canManage}
            onChange={(v) => setForm((f) => ({ ...f, dimension: v }))}
            options={DIMENSIONS.map((d) => ({ value: d, label: t(`dimension.${d}`, DIMENSION_DEFAULTS[d]) }))} />
        </Box>
      </Field>
      {field('nameZh', t('tag.nameZh', 'Name (zh)'))}
      {field('nameBo', t('tag.nameBo', 'Name (bo)'), false, true)}
      {field('synonyms', t('tag.synonyms', 'Synonyms (separated by ，)'))}
      {field('parentCode', t('tag.parent', 'Parent tag code'))}
      <Checkbox checked={form.sensitive} disabled={!canManage} onCheckedChange={(on) => setForm((f) => ({ ...f, sensitive: Boolean(on) }))} data-testid="pm-tag-sensitive">
        {t('tag.sensitive', 'Sensitive: stored in a profile only with its own consent')}
      </Checkbox>
      <Errors errors={at('code').length ? [] : errors.filter((e) => !['code', 'dimension', 'nameZh', 'nameBo', 'synonyms', 'parentCode'].some((k) => e.path.startsWith(k)))} />
      {tag && usage.data && <UsageList usage={usage.data} />}
    </EntryDrawer>
  );
};

/** The taxonomy by dimension: a tab per dimension, its tags (code, zh, bo, synonyms, parent), a drawer per tag. */
export const TaxonomyTab = ({ canManage }: { canManage: boolean }) => {
  const t = useT();
  const [dimension, setDimension] = React.useState<string>('identity');
  const { data, error, reload } = useGet<Tag[]>('/tags');
  const drawer = useDrawer<Tag>(reload);
  if (error) return <Typography textColor="danger600">{errorMessage(error)}</Typography>;
  const tags = (data ?? []).filter((tag) => tag.dimension === dimension);
  const names = new Map((data ?? []).map((tag) => [tag.code, tag.nameZh]));
  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="pm-taxonomy">
      <Flex justifyContent="space-between" alignItems="center">
        <Tabs.Root value={dimension} onValueChange={setDimension} variant="simple">
          <Tabs.List aria-label={t('taxonomy.dimensions', 'Dimensions')}>
            {DIMENSIONS.map((d) => (
              <Tabs.Trigger key={d} value={d} data-testid={`pm-dimension-${d}`}>
                {t(`dimension.${d}`, DIMENSION_DEFAULTS[d])} ({(data ?? []).filter((tag) => tag.dimension === d).length})
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </Tabs.Root>
        {canManage && (
          <Button size="S" onClick={() => drawer.show(null)} data-testid="pm-tag-new">
            {t('tag.new', 'New tag')}
          </Button>
        )}
      </Flex>
      <Table colCount={5} rowCount={tags.length + 1} data-testid="pm-tag-table">
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">{t('tag.code', 'Code')}</Typography></Th>
            <Th><Typography variant="sigma">{t('tag.nameZh', 'Name (zh)')}</Typography></Th>
            <Th><Typography variant="sigma">{t('tag.nameBo', 'Name (bo)')}</Typography></Th>
            <Th><Typography variant="sigma">{t('tag.synonyms', 'Synonyms')}</Typography></Th>
            <Th><Typography variant="sigma">{t('tag.parent', 'Parent')}</Typography></Th>
          </Tr>
        </Thead>
        <Tbody>
          {tags.map((tag) => (
            <Tr key={tag.code} data-tag={tag.code} onClick={() => drawer.show(tag)} style={{ cursor: 'pointer' }}>
              <Td><Typography fontWeight="semiBold" textColor="primary600">{tag.code}</Typography></Td>
              <Td>
                <Typography>{tag.nameZh}</Typography>{' '}
                {tag.sensitive && <SensitiveBadge />}
              </Td>
              <Td><BoText text={tag.nameBo} /></Td>
              <Td><Typography variant="pi">{tag.synonyms.join('，')}</Typography></Td>
              <Td><Typography variant="pi">{tag.parentCode ? names.get(tag.parentCode) ?? tag.parentCode : ''}</Typography></Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {drawer.open && (
        <TagDrawer key={drawer.open.item?.code ?? 'new'} tag={drawer.open.item} dimension={dimension} canManage={canManage} onClose={drawer.close} onSaved={drawer.saved} />
      )}
    </Flex>
  );
};
