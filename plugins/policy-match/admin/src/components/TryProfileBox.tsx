import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { StatusBadge } from '@jiyue/admin-ui';
import { errorMessage, errorStatus, serverErrors, serves, useT, type Audience, type Eligibility, type Fact, type Rule, type ServerError, type Tag, type TryResult } from '../api';
import { PLUGIN_ID } from '../constants';
import { Card, Choice, Errors, tibetan } from './ui';
import { ValueInput } from './ValueInput';

/** The facts a rule names (a derived fact that is not asked contributes its inputs instead). */
const factsOfRule = (rule: Rule | null | undefined, out: Set<string>) => {
  if (!rule || typeof rule !== 'object') return;
  if ('all' in rule) rule.all.forEach((r) => factsOfRule(r, out));
  else if ('any' in rule) rule.any.forEach((r) => factsOfRule(r, out));
  else if ('not' in rule) factsOfRule(rule.not, out);
  else if ('field' in rule) out.add(rule.field);
};

const HOME_REGION: Record<Audience, string> = { individual: 'householdRegion', enterprise: 'region' };

/** The facts to ask in the box for a kind: the jurisdiction's region fact, then every fact the draft's rules name. */
export const tryFacts = (draft: Eligibility, facts: Fact[], kind: Audience): Fact[] => {
  const codes = new Set<string>();
  if (draft.jurisdiction) codes.add(draft.jurisdictionFacts?.[kind] ?? HOME_REGION[kind]);
  draft.clauses.forEach((c) => factsOfRule(c.rule, codes));
  const byCode = new Map(facts.map((f) => [f.code, f]));
  const asked = new Set<string>();
  for (const code of codes) {
    const fact = byCode.get(code);
    if (!fact || !serves(fact, kind)) continue;
    if (fact.derived && fact.askable === false) fact.derived.args.forEach((a) => asked.add(a));
    else asked.add(code);
  }
  return facts.filter((f) => asked.has(f.code) && serves(f, kind));
};

const REASON_DEFAULTS: Record<string, string> = {
  repealed: 'the policy is repealed',
  expired: 'the policy has expired',
  'not-yet-valid': 'the policy is not in force yet',
  'deadline-passed': 'the application deadline has passed',
  audience: 'the policy does not serve this kind of applicant',
  jurisdiction: 'outside the jurisdiction',
};

/**
 * "Try a profile": a profile form generated from the registry for the facts the draft uses, evaluated on
 * the server against the unsaved draft (`POST /policies/:documentId/try`). Shows the status, each
 * clause's explanation (zh, bo where present) and the facts still missing; a draft the server refuses
 * hands its messages to the rules editor (`onDraftErrors`).
 */
export const TryProfileBox = ({
  documentId,
  draft,
  facts,
  tags,
  onDraftErrors,
}: {
  documentId: string;
  draft: Eligibility;
  facts: Fact[];
  tags: Tag[];
  onDraftErrors: (errors: ServerError[]) => void;
}) => {
  const t = useT();
  const { post } = useFetchClient();
  const kinds: Audience[] = draft.audience === 'any' ? ['individual', 'enterprise'] : [draft.audience];
  const [kind, setKind] = React.useState<Audience>(kinds[0]);
  const [values, setValues] = React.useState<Record<string, unknown>>({});
  const [asOf, setAsOf] = React.useState('');
  const [result, setResult] = React.useState<TryResult | null>(null);
  const [errors, setErrors] = React.useState<ServerError[]>([]);
  const [failure, setFailure] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  React.useEffect(() => {
    if (!kinds.includes(kind)) setKind(kinds[0]);
  }, [draft.audience]); // eslint-disable-line react-hooks/exhaustive-deps

  const asked = tryFacts(draft, facts, kind);
  const labelOf = (code: string) => facts.find((f) => f.code === code)?.labelZh ?? code;

  const run = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const profileFacts = Object.fromEntries(
        Object.entries(values).filter(([code, v]) => asked.some((f) => f.code === code) && v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.some((x) => x === null))),
      );
      const res = await post<{ data: TryResult }>(`/${PLUGIN_ID}/policies/${documentId}/try`, { eligibility: draft, profile: { kind, facts: profileFacts }, ...(asOf ? { asOf } : {}) });
      setResult(res.data.data);
      setErrors([]);
      onDraftErrors([]);
    } catch (e) {
      setResult(null);
      const all = serverErrors(e);
      const draftErrors = all.filter((x) => x.path === 'eligibility' || x.path.startsWith('eligibility.')).map((x) => ({ ...x, path: x.path.replace(/^eligibility\.?/, '') }));
      onDraftErrors(draftErrors);
      setErrors(all.filter((x) => !x.path.startsWith('eligibility')));
      setFailure(draftErrors.length ? t('try.draftInvalid', 'The draft has problems: see the messages at the rules.') : errorStatus(e) === 400 ? null : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('try.title', 'Try a profile')} testId="pm-try">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex gap={2} alignItems="center" wrap="wrap">
          {kinds.length > 1 && (
            <Choice label={t('try.kind', 'Kind')} testId="pm-try-kind" value={kind} onChange={(k) => setKind(k as Audience)}
              options={kinds.map((k) => ({ value: k, label: t(`audience.${k}`, k) }))} />
          )}
          <Typography variant="pi">{t('try.asOf', 'Evaluation day')}</Typography>
          <input type="date" aria-label={t('try.asOf', 'Evaluation day')} data-testid="pm-try-asof" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </Flex>
        {asked.length === 0 && (
          <Typography variant="pi" textColor="neutral600">
            {t('try.noFacts', 'The draft tests no fact: every profile of this kind gets the same answer.')}
          </Typography>
        )}
        {asked.map((fact) => (
          <Flex key={fact.code} direction="column" alignItems="stretch" gap={1} data-try-fact={fact.code}>
            <Flex gap={2} alignItems="center" wrap="wrap">
              <Box minWidth="10rem">
                <Typography variant="omega" fontWeight="semiBold">
                  {fact.labelZh}
                </Typography>{' '}
                {fact.labelBo && (
                  <Typography variant="pi" textColor="neutral600" style={tibetan}>
                    {fact.labelBo}
                  </Typography>
                )}
              </Box>
              <ValueInput
                plain
                fact={fact}
                op={fact.type === 'tag-list' ? 'in' : 'eq'}
                value={values[fact.code] ?? (fact.type === 'tag-list' ? [] : undefined)}
                tags={tags}
                onChange={(v) => setValues((old) => ({ ...old, [fact.code]: v }))}
              />
            </Flex>
            <Errors errors={errors.filter((e) => e.path === `profile.facts.${fact.code}`)} />
          </Flex>
        ))}
        <Errors errors={errors.filter((e) => !asked.some((f) => e.path === `profile.facts.${f.code}`))} />
        <Flex>
          <Button onClick={run} loading={busy} data-testid="pm-try-run">
            {t('try.run', 'Try')}
          </Button>
        </Flex>
        {failure && (
          <Typography variant="pi" textColor="danger600" data-testid="pm-try-failure">
            {failure}
          </Typography>
        )}
        {result && (
          <Flex direction="column" alignItems="stretch" gap={2} data-testid="pm-try-result" data-status={result.status}>
            <Flex gap={2} alignItems="center">
              <StatusBadge status={result.status} />
              <Typography variant="pi" textColor="neutral600">
                {t('try.on', 'on {date}', { date: result.asOf })}
              </Typography>
            </Flex>
            {result.reasons.map((r) => (
              <Typography key={r} variant="omega" textColor="danger600">
                {t(`reason.${r}`, REASON_DEFAULTS[r] ?? r)}
              </Typography>
            ))}
            {result.jurisdiction && <Explained line={result.jurisdiction} />}
            {result.clauses.map((c) => (
              <Box key={c.index} padding={3} background="neutral100" hasRadius data-testid="pm-try-clause">
                <Flex direction="column" alignItems="stretch" gap={1}>
                  <Flex gap={2} alignItems="center">
                    <StatusBadge status={c.status} />
                    <Typography variant="omega" fontWeight="semiBold">
                      {c.text}
                    </Typography>
                  </Flex>
                  {c.textBo && (
                    <Typography variant="pi" style={tibetan}>
                      {c.textBo}
                    </Typography>
                  )}
                  {c.explanations.map((line, i) => (
                    <Explained key={i} line={line} />
                  ))}
                </Flex>
              </Box>
            ))}
            {result.missingFacts.length > 0 && (
              <Typography variant="omega" data-testid="pm-try-missing">
                {t('try.missing', 'Missing: {facts}', { facts: result.missingFacts.map((m) => m.label || labelOf(m.field)).join('、') })}
              </Typography>
            )}
          </Flex>
        )}
      </Flex>
    </Card>
  );
};

/** One line of an explanation: ✓ / ✗ / ? with the zh text, and the bo text where the server has one. */
const Explained = ({ line }: { line: { result: boolean | null; zh: string; bo?: string } }) => (
  <Flex direction="column" alignItems="stretch">
    <Typography variant="pi" textColor={line.result === true ? 'success700' : line.result === false ? 'danger600' : 'warning700'}>
      {line.result === true ? '✓' : line.result === false ? '✗' : '?'} {line.zh}
    </Typography>
    {line.bo && (
      <Typography variant="pi" textColor="neutral600" style={tibetan}>
        {line.bo}
      </Typography>
    )}
  </Flex>
);
