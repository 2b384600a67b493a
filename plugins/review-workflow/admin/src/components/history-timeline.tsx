import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../constants';
import type { ReviewEvent } from '../hooks/use-review-history';

/** The review trail of the document, oldest first: who did what at which stage, with comments; flagged events marked. */
export const HistoryTimeline = ({ events }: { events: ReviewEvent[] }) => {
  const { formatMessage, formatDate } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="ol" data-testid="jiyue-history">
      {events.map((event) => (
        <Box key={event.id} tag="li" paddingLeft={2} style={{ borderLeft: `2px solid ${event.flagged ? '#d02b20' : '#dcdce4'}` }} data-action={event.action}>
          <Typography variant="pi" fontWeight="bold">
            {formatMessage({ id: getTranslation(`history.action.${event.action}`), defaultMessage: event.action })}
          </Typography>{' '}
          <Typography variant="pi" textColor="neutral600">
            {event.actorName ?? ''} · {formatDate(event.createdAt, { dateStyle: 'short', timeStyle: 'short' })}
          </Typography>
          {event.comment && (
            <Typography variant="pi" tag="p">
              {event.comment}
            </Typography>
          )}
        </Box>
      ))}
    </Flex>
  );
};
