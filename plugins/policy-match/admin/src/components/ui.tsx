import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { TIBETAN_FONT_FAMILY, type ServerError } from '../api';

/** Tibetan text (inputs, labels, explanations) in the web font injected by `@jiyue/admin-ui`. */
export const tibetan: React.CSSProperties = { fontFamily: `'${TIBETAN_FONT_FAMILY}', serif` };

const selectStyle: React.CSSProperties = {
  minHeight: 32,
  padding: '4px 8px',
  borderRadius: 4,
  border: '1px solid #dcdce4',
  background: '#ffffff',
  fontSize: 14,
  maxWidth: '100%',
};

export interface Option {
  value: string;
  label: string;
  group?: string;
  disabled?: boolean;
}

/** A plain select (grouped with optgroup when options carry a group); `data-testid` for the browser suite. */
export const Choice = ({
  value,
  options,
  onChange,
  label,
  testId,
  disabled,
  placeholder,
}: {
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  label: string;
  testId?: string;
  disabled?: boolean;
  placeholder?: string;
}) => {
  const groups = [...new Set(options.map((o) => o.group ?? ''))];
  const render = (o: Option) => (
    <option key={o.value} value={o.value} disabled={o.disabled}>
      {o.label}
    </option>
  );
  return (
    <select aria-label={label} title={label} data-testid={testId} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} style={selectStyle}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {groups.length > 1
        ? groups.map((g) => (
            <optgroup key={g} label={g}>
              {options.filter((o) => (o.group ?? '') === g).map(render)}
            </optgroup>
          ))
        : options.map(render)}
    </select>
  );
};

/** The server's messages for one part of a form, under it (`data-testid="pm-error"`, `data-path` the field path). */
export const Errors = ({ errors }: { errors?: ServerError[] }) =>
  errors?.length ? (
    <Flex direction="column" alignItems="stretch" gap={1}>
      {errors.map((e) => (
        <Typography key={`${e.path}:${e.message}`} variant="pi" textColor="danger600" data-testid="pm-error" data-path={e.path}>
          {e.message}
        </Typography>
      ))}
    </Flex>
  ) : null;

/** A titled white card. */
export const Card = ({ title, children, testId, actions }: { title: string; children: React.ReactNode; testId?: string; actions?: React.ReactNode }) => (
  <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius data-testid={testId}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex justifyContent="space-between" alignItems="center" gap={2}>
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
        {actions}
      </Flex>
      {children}
    </Flex>
  </Box>
);

/**
 * Field errors by the part of the form that shows them: each error goes to the deepest registered path
 * that is a prefix of its own (`clauses.1.rule.all.0` takes `clauses.1.rule.all.0.value`); errors no part
 * claims are listed under `''` (shown at the top of the form).
 */
export const assignErrors = (errors: readonly ServerError[], paths: readonly string[]) => {
  const out = new Map<string, ServerError[]>();
  const sorted = [...paths].sort((a, b) => b.length - a.length);
  for (const error of errors) {
    const owner = sorted.find((p) => error.path === p || error.path.startsWith(`${p}.`)) ?? '';
    out.set(owner, [...(out.get(owner) ?? []), error]);
  }
  return out;
};
