import * as React from 'react';
import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';

/** A match result's status (policy-match: eligible, possibly eligible, ineligible). */
export type MatchStatus = 'eligible' | 'possibly-eligible' | 'ineligible';

const STATUS_COLOURS: Record<MatchStatus, { backgroundColor: string; textColor: string }> = {
  eligible: { backgroundColor: 'success100', textColor: 'success700' },
  'possibly-eligible': { backgroundColor: 'warning100', textColor: 'warning700' },
  ineligible: { backgroundColor: 'neutral150', textColor: 'neutral700' },
};

const STATUS_DEFAULTS: Record<MatchStatus, string> = {
  eligible: 'Eligible',
  'possibly-eligible': 'Possibly eligible',
  ineligible: 'Not eligible',
};

/** The translated name of a match status (符合, 可能符合, 不符合). */
export const useMatchStatusLabel = () => {
  const { formatMessage } = useIntl();
  return (status: MatchStatus) => formatMessage({ id: `jiyue-ui.match.${status}`, defaultMessage: STATUS_DEFAULTS[status] });
};

/** A coloured badge naming a match status; `data-status` carries it for tests. */
export const StatusBadge = ({ status }: { status: MatchStatus }) => {
  const label = useMatchStatusLabel();
  return (
    <Badge data-status={status} {...STATUS_COLOURS[status]}>
      {label(status)}
    </Badge>
  );
};
