import * as React from 'react';
import { Badge, Box, Button, Checkbox, Flex, IconButton, Modal, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { errorDetails, errorMessage, serverErrors, useGet, useT, type EnumValue, type Fact, type FactType, type ServerError } from '../api';
import { PLUGIN_ID, rulesEditorPath } from '../constants';
import { Choice, Errors, tibetan } from './ui';

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
          {v.bo ? <Typography style={tibetan}>{v.bo}</Typography> : <Badge>{t('translationPending', '待译')}</Badge>}
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
  const { toggleNotification } = useNotification();
  const usage = useGet<unknown>(fact ? `/facts/${encodeURIComponent(fact.code)}/usage` : null, canManage);
  const uses = usesOf(usage.data);
  const [form, setForm] = React.useState<FactForm>(
    fact
      ? (({ ops: _ops, uses: _uses, ...rest }) => rest)(fact)
      : { code: '', audience: 'individual', type: 'boolean', labelZh: '', labelBo: null, askable: true, storable: true, sensitive: false, group: 'basic', builtIn: false },
  );
  const [errors, setErrors] = React.useState<ServerError[]>([]);
  const [busy, setBusy] = React.useState(false);
  const locked = Boolean(fact) && (Boolean(fact?.builtIn) || uses.length > 0);
  const set = (patch: Partial<FactForm>) => setForm((f) => ({ ...f, ...patch }));
  const at = (path: string) => errors.filter((e) => e.path === path);
  const numeric = ['integer', 'number', 'year'].includes(form.type);

  const save = async () => {
    setBusy(true);
    try {
      // Tibetan labels come from the glossary (the server refuses them in the body); built-in is the server's.
      const { labelBo: _bo, labelBoStatus: _status, builtIn: _builtIn, values, ...body } = form;
      await put(`/${PLUGIN_ID}/facts`, { ...body, values: values ? values.map(({ code, zh }) => ({ code, zh })) : null });
      toggleNotification({ type: 'success', message: t('fact.saved', 'Fact saved') });
      onSaved();
    } catch (e) {
      setErrors(serverErrors(e));
      if (errorDetails(e)) usage.reload();
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!fact) return;
    setBusy(true);
    try {
      await del(`/${PLUGIN_ID}/facts/${encodeURIComponent(fact.code)}`);
      toggleNotification({ type: 'success', message: t('fact.deleted', 'Fact deleted') });
      onSaved();
    } catch (e) {
      setErrors(serverErrors(e));
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const text = (key: 'code' | 'labelZh' | 'helpZh' | 'unit', label: string, disabled = false) => (
    <Box>
      <Typography variant="pi" fontWeight="bold">{label}{disabled && locked ? ' 🔒' : ''}</Typography>
      <TextInput aria-label={label} name={key} data-testid={`pm-fact-${key}`} disabled={disabled || !canManage} value={(form[key] as string | null | undefined) ?? ''}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => set({ [key]: e.target.value } as Partial<FactForm>)} />
      <Errors errors={at(key)} />
    </Box>
  );
  const bound = (key: 'min' | 'max', label: string) => (
    <Box>
      <Typography variant="pi" fontWeight="bold">{label}</Typography>
      <TextInput aria-label={label} name={key} disabled={!canManage} value={form[key] === null || form[key] === undefined ? '' : String(form[key])}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => set({ [key]: e.target.value.trim() === '' ? null : Number(e.target.value) } as Partial<FactForm>)} />
      <Errors errors={at(key)} />
    </Box>
  );

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content data-testid="pm-fact-drawer">
        <Modal.Header>
          <Modal.Title>{fact ? `${fact.labelZh} (${fact.code})` : t('fact.new', 'New fact')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={3}>
            {text('code', t('fact.code', 'Code'), Boolean(fact))}
            <Flex gap={4} wrap="wrap">
              <Box>
                <Typography variant="pi" fontWeight="bold">{t('fact.type', 'Type')}{locked ? ' 🔒' : ''}</Typography>
                <Box><Choice label={t('fact.type', 'Type')} testId="pm-fact-type" value={form.type} disabled={locked || !canManage} onChange={(v) => set({ type: v as FactType })} options={TYPES.map((v) => ({ value: v, label: t(`type.${v}`, v) }))} /></Box>
                <Errors errors={at('type')} />
              </Box>
              <Box>
                <Typography variant="pi" fontWeight="bold">{t('fact.audience', 'Describes')}{locked ? ' 🔒' : ''}</Typography>
                <Box><Choice label={t('fact.audience', 'Describes')} testId="pm-fact-audience" value={form.audience} disabled={locked || !canManage} onChange={(v) => set({ audience: v as Fact['audience'] })} options={AUDIENCES.map((v) => ({ value: v, label: t(`audience.${v}`, v) }))} /></Box>
                <Errors errors={at('audience')} />
              </Box>
              <Box>
                <Typography variant="pi" fontWeight="bold">{t('fact.group', 'Group')}</Typography>
                <Box><Choice label={t('fact.group', 'Group')} testId="pm-fact-group" value={form.group ?? 'basic'} disabled={!canManage} onChange={(v) => set({ group: v })} options={GROUPS.map((v) => ({ value: v, label: t(`group.${v}`, v) }))} /></Box>
              </Box>
            </Flex>
            {text('labelZh', t('fact.labelZh', 'Label (zh)'))}
            <Box>
              <Typography variant="pi" fontWeight="bold">{t('fact.labelBo', 'Label (bo, from the glossary)')}</Typography>
              <Box>{form.labelBo ? <Typography style={tibetan}>{form.labelBo}</Typography> : <Badge>{t('translationPending', '待译')}</Badge>}</Box>
            </Box>
            {text('helpZh', t('fact.helpZh', 'Help text (zh)'))}
            <Flex gap={4} wrap="wrap">
              {text('unit', t('fact.unit', 'Unit'))}
              {numeric && bound('min', t('fact.min', 'Minimum'))}
              {numeric && bound('max', t('fact.max', 'Maximum'))}
            </Flex>
            {form.type === 'enum' && (
              <Box>
                <Typography variant="pi" fontWeight="bold">{t('fact.values', 'Values')}</Typography>
                <Checkbox checked={Boolean(form.ordered)} disabled={!canManage} onCheckedChange={(on) => set({ ordered: Boolean(on) })}>
                  {t('fact.ordered', 'Ordered (low → high): ≥ and ≤ compare positions')}
                </Checkbox>
                <EnumValuesEditor values={form.values ?? []} onChange={(values) => set({ values })} disabled={!canManage} errors={errors} />
                <Errors errors={at('values')} />
              </Box>
            )}
            {form.type === 'tag-list' && (
              <Box>
                <Typography variant="pi" fontWeight="bold">{t('fact.tagDimension', 'Tag dimension')}</Typography>
                <TextInput aria-label={t('fact.tagDimension', 'Tag dimension')} disabled={locked || !canManage} value={form.tagDimension ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set({ tagDimension: e.target.value })} />
                <Errors errors={at('tagDimension')} />
              </Box>
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
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Flex gap={2}>
            {fact && canManage && (
              <Button variant="danger-light" onClick={remove} disabled={locked} loading={busy} data-testid="pm-fact-delete">
                {t('fact.delete', 'Delete')}{locked ? ' 🔒' : ''}
              </Button>
            )}
          </Flex>
          <Flex gap={2}>
            <Button variant="tertiary" onClick={onClose}>{t('cancel', 'Cancel')}</Button>
            {canManage && <Button onClick={save} loading={busy} data-testid="pm-fact-save">{t('fact.save', 'Save fact')}</Button>}
          </Flex>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** The fact registry (事实登记): every fact with its labels, type, audience, group and badges; a drawer per fact. */
export const FactRegistryTab = ({ canManage }: { canManage: boolean }) => {
  const t = useT();
  const { data, error, reload } = useGet<Fact[]>('/facts');
  const [open, setOpen] = React.useState<{ fact: Fact | null } | null>(null);
  if (error) return <Typography textColor="danger600" data-testid="pm-facts-error">{errorMessage(error)}</Typography>;
  const facts = data ?? [];
  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="pm-facts">
      <Flex justifyContent="space-between" alignItems="center">
        <Typography variant="pi" textColor="neutral600">
          {t('facts.intro', '{n} facts. Rules test them; the questionnaire asks them; profiles store them.', { n: facts.length })}
        </Typography>
        {canManage && <Button size="S" onClick={() => setOpen({ fact: null })} data-testid="pm-fact-new">{t('fact.new', 'New fact')}</Button>}
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
            <Tr key={f.code} data-fact={f.code} onClick={() => setOpen({ fact: f })} style={{ cursor: 'pointer' }}>
              <Td><Typography fontWeight="semiBold" textColor="primary600">{f.code}</Typography></Td>
              <Td><Typography>{f.labelZh}{f.unit ? `（${f.unit}）` : ''}</Typography></Td>
              <Td>{f.labelBo ? <Typography style={tibetan}>{f.labelBo}</Typography> : <Badge>{t('translationPending', '待译')}</Badge>}</Td>
              <Td><Typography variant="pi">{t(`type.${f.type}`, f.type)}</Typography></Td>
              <Td><Typography variant="pi">{t(`audience.${f.audience}`, f.audience)}</Typography></Td>
              <Td>
                <Flex gap={1} wrap="wrap">
                  {f.sensitive && <Badge backgroundColor="danger100" textColor="danger700" data-badge="sensitive">{t('fact.badge.sensitive', 'sensitive')}</Badge>}
                  {f.derived && <Badge backgroundColor="secondary100" textColor="secondary700" data-badge="derived">{t('fact.badge.derived', 'derived')}</Badge>}
                  {f.builtIn && <Badge data-badge="built-in">{t('fact.badge.builtIn', 'built-in')}</Badge>}
                  {typeof f.uses === 'number' && f.uses > 0 && <Badge backgroundColor="warning100" textColor="warning700">{t('fact.badge.uses', '{n} uses', { n: f.uses })}</Badge>}
                </Flex>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {open && (
        <FactDrawer
          key={open.fact?.code ?? 'new'}
          fact={open.fact}
          canManage={canManage}
          onClose={() => setOpen(null)}
          onSaved={() => {
            setOpen(null);
            reload();
          }}
        />
      )}
    </Flex>
  );
};
