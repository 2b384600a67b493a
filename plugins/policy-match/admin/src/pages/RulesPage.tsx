import * as React from 'react';
import { Box, Button, Flex, Grid, IconButton, Textarea, TextInput, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';
import { usePermissions } from '@jiyue/admin-ui';
import { errorMessage, errorStatus, serverErrors, serves, useFacts, useGet, useT, type Audience, type Clause, type Eligibility, type Fact, type ServerError, type Tag } from '../api';
import { PERMISSIONS, PLUGIN_ID } from '../constants';
import { RuleBuilder, rulePaths, type RuleContext } from '../components/RuleBuilder';
import { TryProfileBox } from '../components/TryProfileBox';
import { AudienceCard } from '../components/AudienceCard';
import { Card, Choice, Errors, assignErrors, tibetan } from '../components/ui';

const EMPTY: Eligibility = { audience: 'individual', tags: [], jurisdiction: null, applicationDeadline: null, clauses: [] };
const MAX_RULE_DEPTH = 6;

/** The editable part of a saved eligibility (the server also sends its documentId and updatedAt). */
const fromServer = (e: Partial<Eligibility> | null | undefined): Eligibility => ({
  audience: e?.audience ?? EMPTY.audience,
  tags: e?.tags ?? [],
  jurisdiction: e?.jurisdiction ?? null,
  ...(e?.jurisdictionFacts ? { jurisdictionFacts: e.jurisdictionFacts } : {}),
  applicationDeadline: e?.applicationDeadline ?? null,
  clauses: (e?.clauses ?? []).map((c) => ({ text: c.text, textBo: c.textBo ?? null, benefit: c.benefit, benefitBo: c.benefitBo ?? null, rule: c.rule ?? null })),
});

/** The policy as the Content Manager has it (title and body, for the header and the clause-text check). */
const usePolicyDocument = (documentId: string) => {
  const { get } = useFetchClient();
  const [doc, setDoc] = React.useState<{ title?: string; body?: string | null } | null>(null);
  React.useEffect(() => {
    let live = true;
    get<{ data: { uid: string; pluginOptions?: Record<string, { enabled?: boolean }> }[] }>('/content-manager/content-types')
      .then((res) => {
        const uid = res.data.data.find((ct) => ct.pluginOptions?.[PLUGIN_ID]?.enabled)?.uid;
        return uid ? get<{ data: { title?: string; body?: string | null } }>(`/content-manager/collection-types/${uid}/${documentId}`) : null;
      })
      .then((res) => live && res && setDoc(res.data.data))
      .catch(() => live && setDoc(null));
    return () => {
      live = false;
    };
  }, [get, documentId]);
  return doc;
};

/** Whether a clause's text occurs in the policy's body (whitespace ignored): a warning only. */
const inBody = (text: string, body: string | null | undefined) => {
  if (!body || !text.trim()) return true;
  const squash = (s: string) => s.replace(/\s+/g, '');
  return squash(body).includes(squash(text));
};

/** The draft as it is sent: the registry's default region facts left out, empty optional texts as null. */
const toBody = (draft: Eligibility) => {
  const { jurisdictionFacts, ...rest } = draft;
  const chosen = Object.fromEntries(Object.entries(jurisdictionFacts ?? {}).filter(([, v]) => Boolean(v)));
  return {
    ...rest,
    ...(Object.keys(chosen).length ? { jurisdictionFacts: chosen } : {}),
    clauses: draft.clauses.map((c) => ({ ...c, textBo: c.textBo || null, benefitBo: c.benefitBo || null, rule: c.rule ?? null })),
  };
};

/** Every path of the form where the server's messages are shown. */
const formPaths = (draft: Eligibility) => [
  'audience', 'tags', 'jurisdiction', 'jurisdictionFacts', 'applicationDeadline', 'clauses',
  ...draft.clauses.flatMap((c, i) => [`clauses.${i}`, `clauses.${i}.text`, `clauses.${i}.textBo`, `clauses.${i}.benefit`, `clauses.${i}.benefitBo`, ...rulePaths(c.rule, `clauses.${i}.rule`)]),
];

const ClauseCard = ({
  clause,
  index,
  kinds,
  ctx,
  body,
  onChange,
  onRemove,
}: {
  clause: Clause;
  index: number;
  kinds: Audience[];
  ctx: RuleContext;
  body: string | null | undefined;
  onChange: (clause: Clause) => void;
  onRemove: () => void;
}) => {
  const t = useT();
  const at = (key: string) => ctx.errors.get(`clauses.${index}.${key}`);
  const text = (key: 'text' | 'textBo' | 'benefit' | 'benefitBo', label: string, bo: boolean, long: boolean) => {
    const Input = long ? Textarea : TextInput;
    return (
      <Box>
        <Typography variant="pi" fontWeight="bold">
          {label}
        </Typography>
        <Input
          aria-label={label}
          name={`clauses.${index}.${key}`}
          data-testid={`pm-clause-${key}`}
          disabled={ctx.readOnly}
          value={clause[key] ?? ''}
          style={bo ? tibetan : undefined}
          onChange={(e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange({ ...clause, [key]: e.target.value })}
        />
        <Errors errors={at(key)} />
      </Box>
    );
  };
  return (
    <Box padding={4} background="neutral100" hasRadius data-testid="pm-clause" data-clause={index}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex justifyContent="space-between">
          <Typography variant="sigma">{t('clause.title', 'Clause {n}', { n: index + 1 })}</Typography>
          {!ctx.readOnly && (
            <IconButton label={t('clause.remove', 'Remove clause')} onClick={onRemove} variant="ghost">
              <Trash />
            </IconButton>
          )}
        </Flex>
        <Errors errors={ctx.errors.get(`clauses.${index}`)} />
        <Grid.Root gap={3}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            {text('text', t('clause.text', 'Clause text (zh)'), false, true)}
            {!inBody(clause.text, body) && (
              <Typography variant="pi" textColor="warning700" data-testid="pm-clause-not-in-body">
                {t('clause.notInBody', 'This text does not occur in the policy body.')}
              </Typography>
            )}
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            {text('textBo', t('clause.textBo', 'Clause text (bo)'), true, true)}
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            {text('benefit', t('clause.benefit', 'Benefit (zh)'), false, false)}
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            {text('benefitBo', t('clause.benefitBo', 'Benefit (bo)'), true, false)}
          </Grid.Item>
        </Grid.Root>
        <Typography variant="pi" fontWeight="bold">
          {t('clause.rule', 'Who qualifies')}
        </Typography>
        <RuleBuilder rule={clause.rule} path={`clauses.${index}.rule`} kinds={kinds} ctx={ctx} onChange={(rule) => onChange({ ...clause, rule })} />
      </Flex>
    </Box>
  );
};

const Editor = ({ documentId, initial, facts, tags, canManage }: { documentId: string; initial: Eligibility; facts: Fact[]; tags: Tag[]; canManage: boolean }) => {
  const t = useT();
  const { put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const policy = usePolicyDocument(documentId);
  const [draft, setDraft] = React.useState<Eligibility>(initial);
  const [errors, setErrors] = React.useState<ServerError[]>([]);
  const [saving, setSaving] = React.useState(false);
  const [revision, setRevision] = React.useState(0);

  const kinds: Audience[] = draft.audience === 'any' ? ['individual', 'enterprise'] : [draft.audience];
  const byPath = assignErrors(errors, formPaths(draft));
  const ctx: RuleContext = { facts, tags, errors: byPath, maxDepth: MAX_RULE_DEPTH, readOnly: !canManage };
  const regions = tags.filter((tag) => tag.dimension === 'region');
  const set = (patch: Partial<Eligibility>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async () => {
    setSaving(true);
    try {
      const res = await put<{ data: Eligibility }>(`/${PLUGIN_ID}/policies/${documentId}/eligibility`, toBody(draft));
      setDraft(fromServer(res.data.data));
      setErrors([]);
      setRevision((r) => r + 1);
      toggleNotification({ type: 'success', message: t('rules.saved', 'Rules saved') });
    } catch (e) {
      const list = serverErrors(e);
      setErrors(list);
      toggleNotification({ type: 'danger', message: list.length ? t('rules.invalid', 'Not saved: see the messages at the rules.') : errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page.Main>
      <Page.Title>{t('rules.pageTitle', 'Eligibility rules')}</Page.Title>
      <Layouts.Header
        title={policy?.title ?? t('rules.pageTitle', 'Eligibility rules')}
        subtitle={t('rules.subtitle', 'Eligibility rules of this policy (适用条件): who qualifies for which benefit')}
        navigationAction={<Link to={`/plugins/${PLUGIN_ID}`}>{t('rules.back', '← Policy match')}</Link>}
        primaryAction={
          canManage ? (
            <Button onClick={save} loading={saving} data-testid="pm-rules-save">
              {t('rules.save', 'Save rules')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
            <Flex direction="column" alignItems="stretch" gap={4}>
              {byPath.get('')?.length ? (
                <Box padding={3} background="danger100" hasRadius data-testid="pm-rules-errors">
                  <Errors errors={byPath.get('')} />
                </Box>
              ) : null}
              <Card title={t('rules.general', 'Audience, jurisdiction, deadline')} testId="pm-rules-general">
                <Flex gap={4} wrap="wrap" alignItems="flex-start">
                  <Box>
                    <Typography variant="pi" fontWeight="bold">{t('rules.audience', 'Serves')}</Typography>
                    <Box>
                      <Choice label={t('rules.audience', 'Serves')} testId="pm-rules-audience" value={draft.audience} disabled={!canManage} onChange={(v) => set({ audience: v as Eligibility['audience'] })}
                        options={[
                          { value: 'individual', label: t('audience.individual', 'individuals') },
                          { value: 'enterprise', label: t('audience.enterprise', 'enterprises') },
                          { value: 'any', label: t('audience.any', 'individuals and enterprises') },
                        ]} />
                    </Box>
                    <Errors errors={byPath.get('audience')} />
                  </Box>
                  <Box>
                    <Typography variant="pi" fontWeight="bold">{t('rules.jurisdiction', 'Jurisdiction')}</Typography>
                    <Box>
                      <Choice label={t('rules.jurisdiction', 'Jurisdiction')} testId="pm-rules-jurisdiction" value={draft.jurisdiction ?? ''} disabled={!canManage} placeholder={t('rules.nationwide', 'nationwide')}
                        onChange={(v) => set({ jurisdiction: v || null })}
                        options={regions.map((r) => ({ value: r.code, label: `${r.parentCode ? '　' : ''}${r.nameZh}` }))} />
                    </Box>
                    <Errors errors={byPath.get('jurisdiction')} />
                  </Box>
                  {draft.jurisdiction &&
                    kinds.map((kind) => {
                      const options = facts.filter((f) => f.type === 'region' && serves(f, kind));
                      if (options.length < 2) return null;
                      return (
                        <Box key={kind}>
                          <Typography variant="pi" fontWeight="bold">{t('rules.regionFact', 'Tested on ({kind})', { kind: t(`audience.${kind}`, kind) })}</Typography>
                          <Box>
                            <Choice label={t('rules.regionFact', 'Tested on ({kind})', { kind })} testId={`pm-rules-region-fact-${kind}`} value={draft.jurisdictionFacts?.[kind] ?? ''} disabled={!canManage}
                              placeholder={t('rules.regionFactDefault', 'default ({fact})', { fact: options[0].labelZh })}
                              onChange={(v) => set({ jurisdictionFacts: { ...(draft.jurisdictionFacts ?? {}), [kind]: v || undefined } })}
                              options={options.map((f) => ({ value: f.code, label: f.labelZh }))} />
                          </Box>
                        </Box>
                      );
                    })}
                  <Box>
                    <Typography variant="pi" fontWeight="bold">{t('rules.deadline', 'Application deadline')}</Typography>
                    <Box>
                      <input type="date" aria-label={t('rules.deadline', 'Application deadline')} data-testid="pm-rules-deadline" disabled={!canManage} value={draft.applicationDeadline ?? ''} onChange={(e) => set({ applicationDeadline: e.target.value || null })} />
                    </Box>
                    <Errors errors={byPath.get('applicationDeadline')} />
                  </Box>
                </Flex>
                <Errors errors={byPath.get('jurisdictionFacts')} />
                <Box>
                  <Typography variant="pi" fontWeight="bold">{t('rules.tags', 'Audience tags')}</Typography>
                  <Flex gap={2} wrap="wrap" alignItems="center">
                    {draft.tags.map((code) => (
                      <Button key={code} size="S" variant="secondary" disabled={!canManage} onClick={() => set({ tags: draft.tags.filter((c) => c !== code) })} data-tag={code}>
                        {tags.find((tag) => tag.code === code)?.nameZh ?? code} ×
                      </Button>
                    ))}
                    {canManage && (
                      <Choice label={t('rules.addTag', 'Add a tag')} testId="pm-rules-add-tag" value="" placeholder={t('rules.addTag', 'Add a tag')} onChange={(v) => v && set({ tags: [...draft.tags, v] })}
                        options={tags.filter((tag) => !draft.tags.includes(tag.code) && tag.dimension !== 'region').map((tag) => ({ value: tag.code, label: tag.nameZh, group: tag.dimension }))} />
                    )}
                  </Flex>
                  <Errors errors={byPath.get('tags')} />
                </Box>
              </Card>
              <Card
                title={t('rules.clauses', 'Clauses')}
                testId="pm-rules-clauses"
                actions={
                  canManage ? (
                    <Button size="S" variant="secondary" data-testid="pm-clause-add" onClick={() => set({ clauses: [...draft.clauses, { text: '', textBo: null, benefit: '', benefitBo: null, rule: null }] })}>
                      {t('clause.add', 'Add clause')}
                    </Button>
                  ) : undefined
                }
              >
                <Errors errors={byPath.get('clauses')} />
                {draft.clauses.length === 0 && (
                  <Typography variant="pi" textColor="neutral600">
                    {t('clause.none', 'No clause yet: the policy applies to everyone it serves in its jurisdiction.')}
                  </Typography>
                )}
                {draft.clauses.map((clause, i) => (
                  <ClauseCard
                    key={i}
                    clause={clause}
                    index={i}
                    kinds={kinds}
                    ctx={ctx}
                    body={policy?.body}
                    onChange={(next) => set({ clauses: draft.clauses.map((c, j) => (j === i ? next : c)) })}
                    onRemove={() => set({ clauses: draft.clauses.filter((_, j) => j !== i) })}
                  />
                ))}
              </Card>
            </Flex>
          </Grid.Item>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <Flex direction="column" alignItems="stretch" gap={4}>
              <TryProfileBox documentId={documentId} draft={toBody(draft) as Eligibility} facts={facts} tags={tags} onDraftErrors={setErrors} />
              <AudienceCard documentId={documentId} revision={revision} />
            </Flex>
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Page.Main>
  );
};

/**
 * The rules editor of one policy (`/plugins/policy-match/policies/:documentId`): audience, jurisdiction and
 * the region fact it is tested on, deadline, clauses with zh/bo texts, benefit and a rule built with a
 * form; the server's messages at the offending part; "try a profile" and the reverse-match count beside it.
 * A site's editor sees only the policies of their sites (the server answers 403 otherwise).
 */
export const RulesPage = () => {
  const t = useT();
  const { documentId = '' } = useParams<{ documentId: string }>();
  const { can, isLoading } = usePermissions({ read: PERMISSIONS.eligibilityRead, manage: PERMISSIONS.eligibilityManage });
  const saved = useGet<Eligibility>(`/policies/${documentId}/eligibility`, can.read);
  const tags = useGet<Tag[]>('/tags', can.read);
  const { facts, error: factsError } = useFacts();

  if (isLoading) return <Page.Loading />;
  if (!can.read) return <Page.NoPermissions />;
  const status = errorStatus(saved.error);
  if (status === 403) {
    return (
      <Page.Main>
        <Layouts.Header title={t('rules.pageTitle', 'Eligibility rules')} />
        <Layouts.Content>
          <Box padding={6} background="neutral0" hasRadius data-testid="pm-rules-forbidden">
            <Typography>{t('rules.forbidden', 'This policy belongs to a site you do not edit.')}</Typography>
            <Typography variant="pi" textColor="neutral600"> {errorMessage(saved.error)}</Typography>
          </Box>
        </Layouts.Content>
      </Page.Main>
    );
  }
  if ((saved.error && status !== 404) || tags.error || factsError) return <Page.Error />;
  if (saved.loading || tags.loading || !facts || !tags.data) return <Page.Loading />;
  return <Editor documentId={documentId} initial={fromServer(saved.data)} facts={facts} tags={tags.data} canManage={can.manage} />;
};

export default RulesPage;
