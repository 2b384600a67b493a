import * as React from 'react';
import { Box, Button, Flex, IconButton, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { opsOf, serves, useT, type Audience, type Fact, type Rule, type ServerError, type Tag } from '../api';
import { Choice, Errors, type Option } from './ui';
import { ValueInput, defaultValue } from './ValueInput';

/** Everything a node of the rule needs besides its own part. */
export interface RuleContext {
  facts: Fact[];
  tags: Tag[];
  /** Field errors by node path (see `rulePaths`, `assignErrors`). */
  errors: Map<string, ServerError[]>;
  maxDepth: number;
  readOnly: boolean;
}

const KINDS: Audience[] = ['individual', 'enterprise'];
type Group = 'all' | 'any' | 'not';

const groupOf = (rule: Rule): Group | null => ('all' in rule ? 'all' : 'any' in rule ? 'any' : 'not' in rule ? 'not' : null);
const childrenOf = (rule: Rule): Rule[] => ('all' in rule ? rule.all : 'any' in rule ? rule.any : 'not' in rule ? [rule.not] : []);

/** Every node path of a rule (`<base>`, `<base>.all.0`, `<base>.not` …): where the server's messages are shown. */
export const rulePaths = (rule: Rule | null | undefined, base: string): string[] => {
  if (!rule || typeof rule !== 'object') return [base];
  const group = groupOf(rule);
  if (group === 'not') return [base, ...rulePaths((rule as { not: Rule }).not, `${base}.not`)];
  if (group) return [base, ...childrenOf(rule).flatMap((child, i) => rulePaths(child, `${base}.${group}.${i}`))];
  return [base];
};

/**
 * The kinds of profile possible at each child of an `all`: a `{ kind }` child (or `{ not: { kind } }`)
 * narrows its siblings to that kind, as the server's validator does (so the fact lists offer only facts
 * that serve every possible kind).
 */
const narrowed = (parts: Rule[], kinds: Audience[]): Audience[] => {
  let out = kinds;
  for (const part of parts) {
    if ('kind' in part) out = out.filter((k) => k === part.kind);
    else if ('not' in part && 'kind' in part.not) {
      const not = part.not as { kind: Audience };
      out = out.filter((k) => k !== not.kind);
    }
  }
  return out;
};

const FACT_GROUP_DEFAULTS: Record<string, string> = {
  basic: 'Basic',
  region: 'Region',
  education: 'Education',
  employment: 'Employment',
  'social-security': 'Social security',
  household: 'Household',
  assistance: 'Assistance',
  agriculture: 'Agriculture',
  veteran: 'Veterans',
  'enterprise-basic': 'Enterprise',
  'enterprise-finance': 'Enterprise finance',
  'enterprise-employment': 'Enterprise employment',
};

export const OP_DEFAULTS: Record<string, string> = {
  eq: 'is',
  in: 'is one of',
  gte: '≥',
  lte: '≤',
  gt: '>',
  lt: '<',
  between: 'between',
  exists: 'is known',
  before: 'before',
  after: 'after',
};

const newPredicate = (facts: Fact[], kinds: Audience[]): Rule => {
  const fact = facts.find((f) => kinds.every((k) => serves(f, k))) ?? facts[0];
  const op = fact ? opsOf(fact)[0] : 'eq';
  return { field: fact?.code ?? '', op, value: fact ? defaultValue(fact, op) : undefined };
};

/** One part of a rule: a group (all / any / not), a kind, or a condition on a fact. */
const RuleNode = ({
  rule,
  path,
  depth,
  kinds,
  ctx,
  onChange,
  onRemove,
}: {
  rule: Rule;
  path: string;
  depth: number;
  kinds: Audience[];
  ctx: RuleContext;
  onChange: (rule: Rule) => void;
  onRemove?: () => void;
}) => {
  const t = useT();
  const group = groupOf(rule);
  const remove = onRemove && !ctx.readOnly && (
    <IconButton label={t('rules.remove', 'Remove this part')} onClick={onRemove} variant="ghost" data-testid="pm-rule-remove">
      <Trash />
    </IconButton>
  );

  if (group) {
    const parts = childrenOf(rule);
    const setGroup = (next: string) => {
      if (next === group) return;
      if (next === 'not') onChange({ not: parts[0] ?? newPredicate(ctx.facts, kinds) });
      else onChange(next === 'all' ? { all: parts } : { any: parts });
    };
    const setPart = (i: number, part: Rule) => {
      if (group === 'not') onChange({ not: part });
      else {
        const next = parts.map((p, j) => (j === i ? part : p));
        onChange(group === 'all' ? { all: next } : { any: next });
      }
    };
    const removePart = (i: number) => {
      const next = parts.filter((_, j) => j !== i);
      onChange(group === 'all' ? { all: next } : { any: next });
    };
    const add = (part: Rule) => onChange(group === 'all' ? { all: [...parts, part] } : { any: [...parts, part] });
    const canNest = depth < ctx.maxDepth;
    return (
      <Box padding={3} hasRadius borderColor={ctx.errors.get(path)?.length ? 'danger600' : 'neutral200'} borderStyle="solid" borderWidth="1px" data-rule-path={path} data-rule-node="group">
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Flex gap={2} alignItems="center">
            <Choice
              label={t('rules.group', 'Group')}
              testId="pm-rule-group"
              value={group}
              disabled={ctx.readOnly}
              onChange={setGroup}
              options={[
                { value: 'all', label: t('rules.all', 'all of (and)') },
                { value: 'any', label: t('rules.any', 'any of (or)') },
                { value: 'not', label: t('rules.not', 'not') },
              ]}
            />
            {remove}
          </Flex>
          <Errors errors={ctx.errors.get(path)} />
          <Flex direction="column" alignItems="stretch" gap={2} paddingLeft={4}>
            {parts.map((part, i) => {
              const childKinds = group === 'all' ? narrowed(parts.filter((_, j) => j !== i), kinds) : kinds;
              return (
                <RuleNode
                  key={i}
                  rule={part}
                  path={group === 'not' ? `${path}.not` : `${path}.${group}.${i}`}
                  depth={depth + 1}
                  kinds={childKinds}
                  ctx={ctx}
                  onChange={(next) => setPart(i, next)}
                  onRemove={group === 'not' ? undefined : () => removePart(i)}
                />
              );
            })}
          </Flex>
          {group !== 'not' && !ctx.readOnly && (
            <Flex gap={2} wrap="wrap">
              <Button size="S" variant="tertiary" data-testid="pm-rule-add-condition" onClick={() => add(newPredicate(ctx.facts, narrowed(parts, kinds)))}>
                {t('rules.addCondition', '+ condition')}
              </Button>
              {canNest && (
                <Button size="S" variant="tertiary" data-testid="pm-rule-add-group" onClick={() => add({ all: [newPredicate(ctx.facts, narrowed(parts, kinds))] })}>
                  {t('rules.addGroup', '+ group')}
                </Button>
              )}
              {kinds.length > 1 && (
                <Button size="S" variant="tertiary" data-testid="pm-rule-add-kind" onClick={() => add({ kind: kinds[0] })}>
                  {t('rules.addKind', '+ who (person / enterprise)')}
                </Button>
              )}
            </Flex>
          )}
        </Flex>
      </Box>
    );
  }

  if ('kind' in rule) {
    return (
      <Flex direction="column" alignItems="stretch" gap={1} data-rule-path={path} data-rule-node="kind">
        <Flex gap={2} alignItems="center">
          <Typography variant="omega">{t('rules.kindIs', 'Applicant is')}</Typography>
          <Choice
            label={t('rules.kind', 'Kind')}
            testId="pm-rule-kind"
            value={rule.kind}
            disabled={ctx.readOnly}
            onChange={(kind) => onChange({ kind: kind as Audience })}
            options={KINDS.map((k) => ({ value: k, label: t(`audience.${k}`, k) }))}
          />
          {remove}
        </Flex>
        <Errors errors={ctx.errors.get(path)} />
      </Flex>
    );
  }

  const predicate = rule as { field: string; op: string; value?: unknown };
  const fact = ctx.facts.find((f) => f.code === predicate.field);
  const factOptions: Option[] = ctx.facts
    .filter((f) => f.code === predicate.field || kinds.every((k) => serves(f, k)))
    .map((f) => ({ value: f.code, label: `${f.labelZh}${f.unit ? `（${f.unit}）` : ''}`, group: t(`group.${f.group ?? 'basic'}`, FACT_GROUP_DEFAULTS[f.group ?? 'basic'] ?? f.group ?? '') }));
  if (!fact && predicate.field) factOptions.unshift({ value: predicate.field, label: `${predicate.field} ?` });
  const ops = fact ? opsOf(fact) : [predicate.op];
  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-rule-path={path} data-rule-node="predicate" data-field={predicate.field}>
      <Flex gap={2} alignItems="center" wrap="wrap">
        <Choice
          label={t('rules.fact', 'Fact')}
          testId="pm-rule-fact"
          value={predicate.field}
          disabled={ctx.readOnly}
          options={factOptions}
          onChange={(code) => {
            const next = ctx.facts.find((f) => f.code === code);
            const op = next ? (opsOf(next).includes(predicate.op) ? predicate.op : opsOf(next)[0]) : predicate.op;
            onChange({ field: code, op, value: next ? defaultValue(next, op) : undefined });
          }}
        />
        <Choice
          label={t('rules.op', 'Operator')}
          testId="pm-rule-op"
          value={predicate.op}
          disabled={ctx.readOnly}
          options={ops.map((op) => ({ value: op, label: t(`op.${op}`, OP_DEFAULTS[op] ?? op) }))}
          onChange={(op) => onChange({ field: predicate.field, op, ...(op === 'exists' ? {} : { value: fact ? defaultValue(fact, op) : undefined }) })}
        />
        {fact && predicate.op !== 'exists' && (
          <ValueInput fact={fact} op={predicate.op} value={predicate.value} tags={ctx.tags} disabled={ctx.readOnly} onChange={(value) => onChange({ ...predicate, value })} />
        )}
        {remove}
      </Flex>
      <Errors errors={ctx.errors.get(path)} />
    </Flex>
  );
};

/** A clause's rule built with a form: none (the clause always holds), or a tree of groups, kinds and conditions. */
export const RuleBuilder = ({
  rule,
  path,
  kinds,
  ctx,
  onChange,
}: {
  rule: Rule | null | undefined;
  path: string;
  kinds: Audience[];
  ctx: RuleContext;
  onChange: (rule: Rule | null) => void;
}) => {
  const t = useT();
  if (!rule) {
    return (
      <Flex gap={2} alignItems="center" data-rule-path={path}>
        <Typography variant="pi" textColor="neutral600">
          {t('rules.none', 'No condition: this clause holds for everyone the policy serves.')}
        </Typography>
        {!ctx.readOnly && (
          <Button size="S" variant="secondary" data-testid="pm-rule-start" onClick={() => onChange({ all: [newPredicate(ctx.facts, kinds)] })}>
            {t('rules.start', 'Add conditions')}
          </Button>
        )}
        <Errors errors={ctx.errors.get(path)} />
      </Flex>
    );
  }
  return <RuleNode rule={rule} path={path} depth={1} kinds={kinds} ctx={ctx} onChange={onChange} onRemove={ctx.readOnly ? undefined : () => onChange(null)} />;
};
