import * as React from 'react';
import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { PrecheckFinding } from '@jiyue/kernel/contracts';

/** One pre-check finding as review-workflow reports it: the kernel contract's shape, shared with the server. */
export type Finding = PrecheckFinding;

const SEVERITY_COLOURS: Record<Finding['severity'], { backgroundColor: string; textColor: string }> = {
  error: { backgroundColor: 'danger100', textColor: 'danger700' },
  warning: { backgroundColor: 'warning100', textColor: 'warning700' },
  info: { backgroundColor: 'neutral150', textColor: 'neutral700' },
};

export interface FindingListProps {
  findings: Finding[];
  /** Clicking a finding: select its range in the field. */
  onSelect?: (finding: Finding) => void;
  /** "Apply suggestion": replace the finding's range with its suggestion. Omitted: no such button. */
  onApply?: (finding: Finding) => void;
  /** "Settle": record why the finding stands. Omitted: no such button. */
  onSettle?: (finding: Finding) => void;
  /** Keys already settled in this session, shown as such. */
  settled?: ReadonlySet<string>;
}

/** The pre-check findings of a document, each with its severity, the flagged excerpt and what can be done about it. */
export const FindingList = ({ findings, onSelect, onApply, onSettle, settled }: FindingListProps) => {
  const { formatMessage } = useIntl();
  if (!findings.length) {
    return (
      <Typography variant="pi" textColor="success600" data-testid="jiyue-findings-none">
        {formatMessage({ id: 'jiyue-ui.findings.none', defaultMessage: 'No findings' })}
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="ul" data-testid="jiyue-findings">
      {findings.map((finding) => (
        <Box
          key={finding.key}
          tag="li"
          padding={2}
          hasRadius
          borderColor="neutral200"
          background={settled?.has(finding.key) ? 'neutral100' : 'neutral0'}
          data-finding={finding.check}
          data-field={finding.field}
        >
          <Flex direction="column" alignItems="stretch" gap={1}>
            <Flex gap={2}>
              <Badge {...SEVERITY_COLOURS[finding.severity]}>
                {formatMessage({ id: `jiyue-ui.severity.${finding.severity}`, defaultMessage: finding.severity })}
              </Badge>
              <Typography variant="pi" textColor="neutral600">
                {finding.field}
              </Typography>
            </Flex>
            <button
              type="button"
              onClick={() => onSelect?.(finding)}
              style={{ all: 'unset', cursor: onSelect ? 'pointer' : 'default' }}
              title={formatMessage({ id: 'jiyue-ui.findings.select', defaultMessage: 'Select in the field' })}
            >
              <Typography variant="omega" fontWeight="semiBold">
                {finding.message}
              </Typography>
              <Typography variant="pi" textColor="neutral600" tag="p">
                “{finding.excerpt}”
              </Typography>
            </button>
            <Flex gap={2} wrap="wrap">
              {onApply && finding.suggestion !== undefined && (
                <Button size="S" variant="secondary" onClick={() => onApply(finding)} data-testid="jiyue-apply-suggestion">
                  {formatMessage({ id: 'jiyue-ui.findings.apply', defaultMessage: 'Apply suggestion: {suggestion}' }, { suggestion: finding.suggestion })}
                </Button>
              )}
              {onSettle && !settled?.has(finding.key) && (
                <Button size="S" variant="tertiary" onClick={() => onSettle(finding)}>
                  {formatMessage({ id: 'jiyue-ui.findings.settle', defaultMessage: 'Settle' })}
                </Button>
              )}
              {settled?.has(finding.key) && (
                <Typography variant="pi" textColor="neutral500">
                  {formatMessage({ id: 'jiyue-ui.findings.settled', defaultMessage: 'Settled' })}
                </Typography>
              )}
            </Flex>
          </Flex>
        </Box>
      ))}
    </Flex>
  );
};
