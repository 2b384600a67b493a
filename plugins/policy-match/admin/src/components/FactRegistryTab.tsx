import * as React from 'react';
import { Badge, Box, Button, Checkbox, Flex, IconButton, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { errorMessage, useGet, useT, type EnumValue, type Fact, type FactType, type ServerError } from '../api';
import { PLUGIN_ID, rulesEditorPath } from '../constants';
import { BoText, EntryDrawer, Field, SensitiveBadge, TextField, useDrawer, useSubmit } from './EntryDrawer';
import { Choice, Errors } from './ui';

const TYPES: FactType[] = ['integer', 'number', 'date', 'year', 'boolean', 'enum', 'region', 'industry', 'tag-list'];
const AUDIENCES = ['individual', 'enterprise', 'both'] as const;
const GROUPS = ['basic', 'region', 'education', 'employment', 'social-security', 'household', 'assistance', 'agriculture', 'veteran', 'enterprise-basic', 'enterprise-finance', 'enterprise-employment'];

/** One use of a fact by a rule, as the server lists it (`GET /facts/:code/usage`). */
interface FactUse {
  documentId?: string;
  title?: string | null;
  clause?: number;
  path?: string;
  what?: string;
}

const usesOf = (data: unknown): FactUse[] => {
  if (Array.isArray(data)) return data as FactUse[];
  const list = (data as { usedBy?: unknown; uses?: unknown } | null)?.usedBy ?? (data as { uses?: unknown } | null)?.uses;
  return Array.isArray(list) ? (list as FactUse[]) : [];
};

const UsageList = ({ uses }: { uses: FactUse[] }) => {
  const t = useT();
  if (!uses.length) return <Typography variant="pi" textColor="neutral600">{t('fact.unused', 'No rule uses this fact.')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-testid="pm-fact-usage">
      <Typography variant="pi" fontWeight="bold" textColor="warning700">
        {t('fact.usedBy', 'Used by {n} rules: type, audience and delete are locked', { n: uses.length })}
      </Typography>
      {uses.map((u, i) => (
        <Typography key={i} variant="pi">
          {u.documentId ? <Link to={rulesEditorPath(u.documentId)}>{u.title ?? u.documentId}</Link> : null}
          {u.path ? ` · ${u.path}` : ''}
          {u.what ? ` · ${u.what}` : ''}
        </Typography>
      ))}
    </Flex>
  );
};

/** The values of an enum fact: add, reorder, remove (the server refuses removing a value a rule uses, naming the rules). */
const EnumValuesEditor = ({ values, onChange, disabled, errors }: { values: EnumValue[]; onChange: (v: EnumValue[]) => void; disabled: boolean; errors: ServerError[] }) => {
  const t = useT();
  const set = (i: number, patch: Partial<EnumValue>) => onChange(values.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  const move = (i: number, by: number) => {
    const next = [...values];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item);
    onChange(next);
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-testid="pm-fact-values">
      {values.map((v, i) => (
        <Flex key={i} gap={2} alignItems="center" data-value={v.code}>
          <TextInput aria-label={t('fact.valueCode', 'Code')} size="S" disabled={disabled} value={v.code} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(i, { code: e.target.value })} />
          <TextInput aria-label={t('fact.valueZh', 'zh')} size="S" disabled={disabled} value={v.zh} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(i, { zh: e.target.value })} />
          <BoText text={v.bo} />
          <Button size="S" variant="tertiary" disabled={disabled || i === 0} onClick={() => move(i, -1)}>↑</Button>
          <Button size="S" variant="tertiary" disabled={disabled || i === values.length - 1} onClick={() => move(i, 1)}>↓</Button>
          <IconButton label={t('fact.valueRemove', 'Remove value')} variant="ghost" disabled={disabled} onClick={() => onChange(values.filter((_, j) => j !== i))} data-testid="pm-fact-value-remove">
            <Trash />
          </IconButton>
          <Errors errors={errors.filter((e) => e.path === `values.${i}` || e.path.startsWith(`values.${i}.`))} />
        </Flex>
      ))}
      {!disabled && (
        <Box>
          <Button size="S" variant="tertiary" onClick={() => onChange([...values, { code: '', zh: '', bo: null }])}>
            {t('fact.valueAdd', '+ value')}
          </Button>
        </Box>
      )}
    </Flex>
  );
};

type FactForm = Omit<Fact, 'ops' | 'uses'>;

/** Create or edit a fact. Code, type and audience are read-only for a built-in fact or one a rule uses; labels in Tibetan come from the glossary. */
const FactDrawer = ({ fact, canManage, onClose, onSaved }: { fact: Fact | null; canManage: boolean; onClose: () => void; onSaved: () => void }) => {
  const t = useT();
  const { put, del } = useFetchClient();
  const { errors, busy, submit } = useSubmit(onSaved);
  const usage = useGet<unknown>(fact ? `/facts/${encodeURIComponent(fact.code)}/usage` : null, canManage);
  const uses = usesOf(usage.data);
  const [form, setForm] = React.useState<FactForm>(
    fact
      ? (({ ops: _ops, uses: _uses, ...rest }) => rest)(fact)
      : { code: '', audience: 'individual', type: 'boolean', labelZh: '', labelBo: null, askable: true, storable: true, sensitive: false, group: 'basic', builtIn: false },
  );
  const locked = Boolean(fact) && (Boolean(fact?.builtIn) || uses.length > 0);
  const set = (patch: Partial<FactForm>) => setForm((f) => ({ ...f, ...patch }));
  const at = (path: string) => errors.filter((e) => e.path === path);
  const numeric = ['integer', 'number', 'year'].includes(form.type);

  const save = () =>
    submit(
      () => {
        // Tibetan labels come from the glossary (the server refuses them in the body); built-in is the server's.
        const { labelBo: _bo, labelBoStatus: _status, builtIn: _builtIn, values, ...body } = form;
        return put(`/${PLUGIN_ID}/facts`, { ...body, values: values ? values.map(({ code, zh }) => ({ code, zh })) : null });
      },
      t('fact.saved', 'Fact saved'),
      usage.reload,
    );
  const remove = () => {
    if (!fact) return;
    void submit(() => del(`/${PLUGIN_ID}/facts/${encodeURIComponent(fact.code)}`), t('fact.deleted', 'Fact deleted'));
  };

  const text = (key: 'code' | 'labelZh' | 'helpZh' | 'unit', label: string, disabled = false) => (
    <TextField label={label} name={key} testId={`pm-fact-${key}`} locked={disabled && locked} disabled={disabled || !canManage} value={(form[key] as string | null | undefined) ?? ''}
      onChange={(value) => set({ [key]: value } as Partial<FactForm>)} errors={at(key)} />
  );
  const bound = (key: 'min' | 'max', label: string) => (
    <TextField label={label} name={key} disabled={!canManage} value={form[key] === null || form[key] === undefined ? '' : String(form[key])}
      onChange={(value) => set({ [key]: value.trim() === '' ? null : Number(value) } as Partial<FactForm>)} errors={at(key)} />
  );

  return (
    <EntryDrawer testId="pm-fact" title={fact ? `${fact.labelZh} (${fact.code})` : t('fact.new', 'New fact')} canManage={canManage} locked={locked} busy={busy}
      onClose={onClose} onSave={save} onDelete={fact ? remove : undefined} saveLabel={t('fact.save', 'Save fact')} deleteLabel={t('fact.delete', 'Delete')}>
      {text('code', t('fact.code', 'Code'), Boolean(fact))}
      <Flex gap={4} wrap="wrap">
        <Field label={t('fact.type', 'Type')} locked={locked} errors={at('type')}>
          <Box><Choice label={t('fact.type', 'Type')} testId="pm-fact-type" value={form.type} disabled={locked || !canManage} onChange={(v) => set({ type: v as FactType })} options={TYPES.map((v) => ({ value: v, label: t(`type.${v}`, v) }))} /></Box>
        </Field>
        <Field label={t('fact.audience', 'Describes')} locked={locked} errors={at('audience')}>
          <Box><Choice label={t('fact.audience', 'Describes')} testId="pm-fact-audience" value={form.audience} disabled={locked || !canManage} onChange={(v) => set({ audience: v as Fact['audience'] })} options={AUDIENCES.map((v) => ({ value: v, label: t(`audience.${v}`, v) }))} /></Box>
        </Field>
        <Field label={t('fact.group', 'Group')}>
          <Box><Choice label={t('fact.group', 'Group')} testId="pm-fact-group" value={form.group ?? 'basic'} disabled={!canManage} onChange={(v) => set({ group: v })} options={GROUPS.map((v) => ({ value: v, label: t(`group.${v}`, v) }))} /></Box>
        </Field>
      </Flex>
      {text('labelZh', t('fact.labelZh', 'Label (zh)'))}
      <Field label={t('fact.labelBo', 'Label (bo, from the glossary)')}>
        <Box><BoText text={form.labelBo} /></Box>
      </Field>
      {text('helpZh', t('fact.helpZh', 'Help text (zh)'))}
      <Flex gap={4} wrap="wrap">
        {text('unit', t('fact.unit', 'Unit'))}
        {numeric && bound('min', t('fact.min', 'Minimum'))}
        {numeric && bound('max', t('fact.max', 'Maximum'))}
      </Flex>
      {form.type === 'enum' && (
        <Field label={t('fact.values', 'Values')} errors={at('values')}>
          <Checkbox checked={Boolean(form.ordered)} disabled={!canManage} onCheckedChange={(on) => set({ ordered: Boolean(on) })}>
            {t('fact.ordered', 'Ordered (low → high): ≥ and ≤ compare positions')}
          </Checkbox>
          <EnumValuesEditor values={form.values ?? []} onChange={(values) => set({ values })} disabled={!canManage} errors={errors} />
        </Field>
      )}
      {form.type === 'tag-list' && (
        <Field label={t('fact.tagDimension', 'Tag dimension')} errors={at('tagDimension')}>
          <TextInput aria-label={t('fact.tagDimension', 'Tag dimension')} disabled={locked || !canManage} value={form.tagDimension ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set({ tagDimension: e.target.value })} />
        </Field>
      )}
      {form.derived && (
        <Typography variant="pi" data-testid="pm-fact-derived">
          {t('fact.derived', 'Derived: {formula}({args})', { formula: form.derived.formula, args: form.derived.args.join(', ') })}
        </Typography>
      )}
      <Flex gap={4} wrap="wrap">
        <Checkbox checked={Boolean(form.sensitive)} disabled={!canManage} onCheckedChange={(on) => set({ sensitive: Boolean(on) })} data-testid="pm-fact-sensitive">
          {t('fact.sensitive', 'Sensitive (stored only with its own consent)')}
        </Checkbox>
        <Checkbox checked={form.storable !== false} disabled={!canManage || Boolean(form.derived)} onCheckedChange={(on) => set({ storable: Boolean(on) })}>
          {t('fact.storable', 'May be stored in a profile')}
        </Checkbox>
        <Checkbox checked={form.askable !== false} disabled={!canManage} onCheckedChange={(on) => set({ askable: Boolean(on) })}>
          {t('fact.askable', 'Asked in the questionnaire')}
        </Checkbox>
      </Flex>
      <Errors errors={errors.filter((e) => !['code', 'type', 'audience', 'labelZh', 'helpZh', 'unit', 'min', 'max', 'tagDimension'].includes(e.path) && !e.path.startsWith('values'))} />
      {fact && <UsageList uses={uses} />}
    </EntryDrawer>
  );
};

/** The fact registry (事实登记): every fact with its labels, type, audience, group and badges; a drawer per fact. */
export const FactRegistryTab = ({ canManage }: { canManage: boolean }) => {
  const t = useT();
  const { data, error, reload } = useGet<Fact[]>('/facts');
  const drawer = useDrawer<Fact>(reload);
  if (error) return <Typography textColor="danger600" data-testid="pm-facts-error">{errorMessage(error)}</Typography>;
  const facts = data ?? [];
  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="pm-facts">
      <Flex justifyContent="space-between" alignItems="center">
        <Typography variant="pi" textColor="neutral600">
          {t('facts.intro', '{n} facts. Rules test them; the questionnaire asks them; profiles store them.', { n: facts.length })}
        </Typography>
        {canManage && <Button size="S" onClick={() => drawer.show(null)} data-testid="pm-fact-new">{t('fact.new', 'New fact')}</Button>}
      </Flex>
      <Table colCount={6} rowCount={facts.length + 1} data-testid="pm-fact-table">
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">{t('fact.code', 'Code')}</Typography></Th>
            <Th><Typography variant="sigma">{t('fact.labelZh', 'Label (zh)')}</Typography></Th>
            <Th><Typography variant="sigma">{t('fact.labelBo', 'Label (bo)')}</Typography></Th>
            <Th><Typography variant="sigma">{t('fact.type', 'Type')}</Typography></Th>
            <Th><Typography variant="sigma">{t('fact.audience', 'Describes')}</Typography></Th>
            <Th><Typography variant="sigma"> </Typography></Th>
          </Tr>
        </Thead>
        <Tbody>
          {facts.map((f) => (
            <Tr key={f.code} data-fact={f.code} onClick={() => drawer.show(f)} style={{ cursor: 'pointer' }}>
              <Td><Typography fontWeight="semiBold" textColor="primary600">{f.code}</Typography></Td>
              <Td><Typography>{f.labelZh}{f.unit ? `（${f.unit}）` : ''}</Typography></Td>
              <Td><BoText text={f.labelBo} /></Td>
              <Td><Typography variant="pi">{t(`type.${f.type}`, f.type)}</Typography></Td>
              <Td><Typography variant="pi">{t(`audience.${f.audience}`, f.audience)}</Typography></Td>
              <Td>
                <Flex gap={1} wrap="wrap">
                  {f.sensitive && <SensitiveBadge />}
                  {f.derived && <Badge backgroundColor="secondary100" textColor="secondary700" data-badge="derived">{t('fact.badge.derived', 'derived')}</Badge>}
                  {f.builtIn && <Badge data-badge="built-in">{t('fact.badge.builtIn', 'built-in')}</Badge>}
                  {typeof f.uses === 'number' && f.uses > 0 && <Badge backgroundColor="warning100" textColor="warning700">{t('fact.badge.uses', '{n} uses', { n: f.uses })}</Badge>}
                </Flex>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {drawer.open && <FactDrawer key={drawer.open.item?.code ?? 'new'} fact={drawer.open.item} canManage={canManage} onClose={drawer.close} onSaved={drawer.saved} />}
    </Flex>
  );
};
