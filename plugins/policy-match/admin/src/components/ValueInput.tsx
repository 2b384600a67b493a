import * as React from 'react';
import { Checkbox, Flex, TextInput, Typography } from '@strapi/design-system';
import { useT, type Fact, type Tag } from '../api';
import { Choice, type Option } from './ui';

/** A new condition's value for a fact and operator (the form starts empty; the server validates on save). */
export const defaultValue = (fact: Fact, op: string): unknown => {
  if (op === 'exists') return undefined;
  if (op === 'in') return [];
  if (op === 'between') return [null, null];
  if (fact.type === 'boolean') return true;
  if (fact.type === 'enum') return fact.values?.[0]?.code;
  return undefined;
};

/** A number typed into a text box: a number when it reads as one, the text otherwise (the server names what is wrong). */
const numberOrText = (text: string): unknown => (text.trim() === '' ? null : Number.isFinite(Number(text)) ? Number(text) : text);
const shown = (value: unknown) => (value === null || value === undefined ? '' : typeof value === 'object' ? '' : String(value));

type RelDate = { today: { years?: number; months?: number; days?: number } };
type RelYear = { thisYear: number };
const isRelDate = (v: unknown): v is RelDate => typeof v === 'object' && v !== null && 'today' in v;
const isRelYear = (v: unknown): v is RelYear => typeof v === 'object' && v !== null && 'thisYear' in v;

/** The codes a fact's values are chosen from: enum values, or the tags of its dimension. */
const choicesOf = (fact: Fact, tags: Tag[]): Option[] => {
  if (fact.type === 'enum') return (fact.values ?? []).map((v) => ({ value: v.code, label: v.zh }));
  const dimension = fact.type === 'tag-list' ? fact.tagDimension : fact.type === 'region' ? 'region' : fact.type === 'industry' ? 'industry' : null;
  if (!dimension) return [];
  return tags.filter((t) => t.dimension === dimension).map((t) => ({ value: t.code, label: fact.type === 'tag-list' ? t.nameZh : `${t.nameZh} ${t.code}` }));
};

/** One scalar: number with unit, date (absolute, or relative to the evaluation day), year (or "this year ±n"), or a code. */
const Scalar = ({ fact, value, tags, disabled, onChange, label, plain }: { fact: Fact; value: unknown; tags: Tag[]; disabled?: boolean; onChange: (v: unknown) => void; label: string; plain?: boolean }) => {
  const t = useT();
  if (fact.type === 'boolean') {
    return (
      <Choice label={label} testId="pm-rule-value" value={value === false ? 'false' : 'true'} disabled={disabled} onChange={(v) => onChange(v === 'true')}
        options={[{ value: 'true', label: t('value.true', 'yes') }, { value: 'false', label: t('value.false', 'no') }]} />
    );
  }
  if (fact.type === 'enum' || fact.type === 'tag-list' || fact.type === 'region') {
    return <Choice label={label} testId="pm-rule-value" value={typeof value === 'string' ? value : ''} placeholder="—" disabled={disabled} options={choicesOf(fact, tags)} onChange={(v) => onChange(v || undefined)} />;
  }
  if (fact.type === 'date' && plain) {
    return <input type="date" aria-label={label} data-testid="pm-rule-value" disabled={disabled} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)} />;
  }
  if (fact.type === 'date') {
    const relative = isRelDate(value);
    const rel = relative ? value.today : {};
    const part = (key: 'years' | 'months' | 'days') => (
      <TextInput
        aria-label={t(`value.${key}`, key)}
        data-testid={`pm-rule-value-${key}`}
        size="S"
        disabled={disabled}
        value={rel[key] === undefined ? '' : String(rel[key])}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
          const n = numberOrText(e.target.value);
          const next = { ...rel } as Record<string, unknown>;
          if (n === null) delete next[key];
          else next[key] = n;
          onChange({ today: next });
        }}
      />
    );
    return (
      <Flex gap={2} alignItems="center">
        <Checkbox checked={relative} disabled={disabled} onCheckedChange={(on) => onChange(on ? { today: { months: -12 } } : undefined)} data-testid="pm-rule-relative">
          {t('value.relative', 'relative to the evaluation day')}
        </Checkbox>
        {relative ? (
          <Flex gap={1} alignItems="center">
            {part('years')}
            <Typography variant="pi">{t('value.years', 'years')}</Typography>
            {part('months')}
            <Typography variant="pi">{t('value.months', 'months')}</Typography>
            {part('days')}
            <Typography variant="pi">{t('value.days', 'days')}</Typography>
          </Flex>
        ) : (
          <input type="date" aria-label={label} data-testid="pm-rule-value" disabled={disabled} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)} />
        )}
      </Flex>
    );
  }
  if (fact.type === 'year' && !plain) {
    const relative = isRelYear(value);
    return (
      <Flex gap={2} alignItems="center">
        <Checkbox checked={relative} disabled={disabled} onCheckedChange={(on) => onChange(on ? { thisYear: 0 } : undefined)} data-testid="pm-rule-relative">
          {t('value.thisYear', 'from this year')}
        </Checkbox>
        <TextInput
          aria-label={label}
          data-testid="pm-rule-value"
          size="S"
          disabled={disabled}
          value={relative ? String(value.thisYear) : shown(value)}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(relative ? { thisYear: numberOrText(e.target.value) ?? 0 } : numberOrText(e.target.value))}
        />
      </Flex>
    );
  }
  // integer, number, industry (a code such as C or C13)
  return (
    <Flex gap={1} alignItems="center">
      <TextInput
        aria-label={label}
        data-testid="pm-rule-value"
        size="S"
        disabled={disabled}
        value={shown(value)}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(fact.type === 'industry' ? e.target.value.trim() || undefined : numberOrText(e.target.value))}
      />
      {fact.unit && <Typography variant="pi">{fact.unit}</Typography>}
    </Flex>
  );
};

/** The value of a condition by the fact's type and the operator: one value, a list (`in`) or a pair (`between`). */
export const ValueInput = ({
  fact,
  op,
  value,
  tags,
  disabled,
  onChange,
  plain,
}: {
  fact: Fact;
  op: string;
  value: unknown;
  tags: Tag[];
  disabled?: boolean;
  onChange: (v: unknown) => void;
  /** A profile's own value (the try box): no "relative to the evaluation day" choices. */
  plain?: boolean;
}) => {
  const t = useT();
  if (op === 'between') {
    const pair = Array.isArray(value) ? value : [null, null];
    return (
      <Flex gap={1} alignItems="center" data-testid="pm-rule-between">
        <Scalar fact={fact} value={pair[0]} tags={tags} disabled={disabled} label={t('value.low', 'from')} onChange={(v) => onChange([v ?? null, pair[1] ?? null])} />
        <Typography variant="pi">—</Typography>
        <Scalar fact={fact} value={pair[1]} tags={tags} disabled={disabled} label={t('value.high', 'to')} onChange={(v) => onChange([pair[0] ?? null, v ?? null])} />
      </Flex>
    );
  }
  if (op === 'in') {
    const list = Array.isArray(value) ? value : [];
    const choices = choicesOf(fact, tags);
    if (choices.length && fact.type !== 'industry') {
      return (
        <Flex gap={2} wrap="wrap" data-testid="pm-rule-value-list">
          {choices.map((c) => (
            <Checkbox
              key={c.value}
              disabled={disabled}
              checked={list.includes(c.value)}
              data-value={c.value}
              onCheckedChange={(on) => onChange(on ? [...list, c.value] : list.filter((v) => v !== c.value))}
            >
              {c.label}
            </Checkbox>
          ))}
        </Flex>
      );
    }
    return (
      <TextInput
        aria-label={t('value.list', 'values, separated by commas')}
        placeholder={t('value.list', 'values, separated by commas')}
        data-testid="pm-rule-value"
        size="S"
        disabled={disabled}
        value={list.map(String).join(', ')}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
          onChange(e.target.value.split(/[,，]/).map((s) => s.trim()).filter(Boolean).map((s) => (fact.type === 'industry' ? s : numberOrText(s))))
        }
      />
    );
  }
  return <Scalar fact={fact} value={value} tags={tags} disabled={disabled} plain={plain} label={t('value.value', 'value')} onChange={onChange} />;
};
