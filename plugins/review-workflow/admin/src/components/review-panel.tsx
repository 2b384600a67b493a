import * as React from 'react';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { useAuth, useFetchClient, useForm, useNotification } from '@strapi/strapi/admin';
import { unstable_useContentManagerContext as useContentManagerContext } from '@strapi/content-manager/strapi-admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { FindingList, StageBadge, isReviewStage, usePermissions, useStageLabel, type Finding } from '@jiyue/admin-ui';
import { useIntl } from 'react-intl';
import { PERMISSIONS, PLUGIN_ID, getTranslation } from '../constants';
import { announceReviewChange, errorMessage, revisionOf, useReviewHistory, type ReviewEvent, type ReviewState } from '../hooks/use-review-history';
import { useDocumentLocale } from '../utils/document-locale';
import { applyReplacement, selectRange } from '../utils/field-range';
import { isReviewEnabled } from '../utils/review-enabled';
import { HistoryTimeline } from './history-timeline';
import type { PrecheckSettlement } from '@jiyue/kernel/contracts';

/** How a reviewer settles a finding: the kernel contract's shape, the one the review routes validate. */
type Settlement = PrecheckSettlement;
type Resolution = Settlement['resolution'];

const REVIEWING = ['first-review', 'second-review', 'final-review'];
const TEXT_TYPES = new Set(['string', 'text', 'richtext']);
const PLAIN_TEXT_TYPES = new Set(['string', 'text']);

/** The draft's text fields as the pre-checks read them, from the form (what the editor sees now, saved or not). */
const useTextFields = (values: Record<string, unknown>, attributes: Record<string, { type: string }>) =>
  React.useMemo(() => {
    const fields: Record<string, string> = {};
    const plainTextFields: string[] = [];
    for (const [name, attribute] of Object.entries(attributes)) {
      if (!TEXT_TYPES.has(attribute.type) || typeof values[name] !== 'string' || !values[name]) continue;
      fields[name] = values[name] as string;
      if (PLAIN_TEXT_TYPES.has(attribute.type)) plainTextFields.push(name);
    }
    return { fields, plainTextFields };
  }, [values, attributes]);

/** Pre-check findings of the current form values (`POST /review-workflow/check`), re-run 600 ms after the last change. */
const useLiveFindings = (fields: Record<string, string>, plainTextFields: string[], enabled: boolean) => {
  const { post } = useFetchClient();
  const [findings, setFindings] = React.useState<Finding[] | null>(null);
  const payload = JSON.stringify({ fields, plainTextFields });
  React.useEffect(() => {
    if (!enabled) return;
    let live = true;
    const timer = setTimeout(() => {
      post<{ data: Finding[] }>(`/${PLUGIN_ID}/check`, JSON.parse(payload))
        .then((res) => live && setFindings(res.data.data))
        .catch(() => live && setFindings(null));
    }, 600);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [post, payload, enabled]);
  return findings;
};

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="stretch" gap={2}>
    <Typography variant="sigma" textColor="neutral600" tag="h3">
      {title}
    </Typography>
    {children}
  </Flex>
);

/** Why the current admin may not approve this stage (the server's rule, shown before the click), or null. */
const reviewerConflict = (state: ReviewState | null | undefined, me: number | null): 'lastEditor' | 'approvedBefore' | null => {
  if (!state || me == null) return null;
  if (state.lastEditorId === me) return 'lastEditor';
  if ((state.approvals ?? []).some((approval) => approval.userId === me)) return 'approvedBefore';
  return null;
};

/** Who approved each stage and when (names from the approve events of the trail). */
const Approvals = ({ state, events }: { state: ReviewState; events: ReviewEvent[] }) => {
  const { formatMessage, formatDate } = useIntl();
  const stageLabel = useStageLabel();
  const approvals = state.approvals ?? [];
  if (!approvals.length) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={1} tag="ul" data-testid="jiyue-approvals">
      {approvals.map((approval) => {
        const event = [...events].reverse().find((e) => e.action === 'approve' && e.stage === approval.stage && e.actorId === approval.userId);
        return (
          <Typography key={`${approval.stage}-${approval.userId}`} variant="pi" tag="li">
            {formatMessage(
              { id: getTranslation('panel.approvedBy'), defaultMessage: '{stage}: {name}, {at}' },
              {
                stage: stageLabel(approval.stage),
                name: event?.actorName ?? `#${approval.userId}`,
                at: formatDate(approval.at, { dateStyle: 'short', timeStyle: 'short' }),
              }
            )}
          </Typography>
        );
      })}
    </Flex>
  );
};

/** Settling a finding: why it stands (dismissed), or passed up to / accepted at the final review. */
const SettleForm = ({ finding, onDone }: { finding: Finding; onDone: (settlement: Settlement | null) => void }) => {
  const { formatMessage } = useIntl();
  const [reason, setReason] = React.useState('');
  const [resolution, setResolution] = React.useState<Resolution>('dismissed');
  return (
    <Box padding={2} background="neutral100" hasRadius>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="pi">{finding.message}</Typography>
        <Field.Root name="resolution">
          <Field.Label>{formatMessage({ id: getTranslation('panel.settle.resolution'), defaultMessage: 'Resolution' })}</Field.Label>
          <SingleSelect value={resolution} onChange={(value: string | number) => setResolution(value as Resolution)}>
            {(['dismissed', 'refer', 'override'] as const).map((r) => (
              <SingleSelectOption key={r} value={r}>
                {formatMessage({ id: getTranslation(`panel.settle.${r}`), defaultMessage: r })}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <Field.Root name="settle-reason" required>
          <Field.Label>{formatMessage({ id: getTranslation('panel.settle.reason'), defaultMessage: 'Why it stands' })}</Field.Label>
          <Textarea value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
        </Field.Root>
        <Flex gap={2}>
          <Button size="S" disabled={!reason.trim()} onClick={() => onDone({ key: finding.key, resolution, reason: reason.trim() })}>
            {formatMessage({ id: getTranslation('panel.settle.confirm'), defaultMessage: 'Record' })}
          </Button>
          <Button size="S" variant="tertiary" onClick={() => onDone(null)}>
            {formatMessage({ id: getTranslation('panel.cancel'), defaultMessage: 'Cancel' })}
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};

/** The emergency publish: behind its own permission, with a required reason; flagged in the audit. */
const EmergencyPublish = ({ onPublish }: { onPublish: (reason: string) => Promise<void> }) => {
  const { formatMessage } = useIntl();
  const [open, setOpen] = React.useState(false);
  const [reason, setReason] = React.useState('');
  if (!open) {
    return (
      <Button variant="danger-light" size="S" onClick={() => setOpen(true)}>
        {formatMessage({ id: getTranslation('panel.emergency'), defaultMessage: 'Emergency publish…' })}
      </Button>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Field.Root name="emergency-reason" required hint={formatMessage({ id: getTranslation('panel.emergency.hint'), defaultMessage: 'Published without review; flagged in the audit trail.' })}>
        <Field.Label>{formatMessage({ id: getTranslation('panel.emergency.reason'), defaultMessage: 'Reason' })}</Field.Label>
        <Textarea value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
        <Field.Hint />
      </Field.Root>
      <Flex gap={2}>
        <Button variant="danger" size="S" disabled={reason.trim().length < 4} onClick={() => onPublish(reason.trim())}>
          {formatMessage({ id: getTranslation('panel.emergency.confirm'), defaultMessage: 'Publish now' })}
        </Button>
        <Button variant="tertiary" size="S" onClick={() => setOpen(false)}>
          {formatMessage({ id: getTranslation('panel.cancel'), defaultMessage: 'Cancel' })}
        </Button>
      </Flex>
    </Flex>
  );
};

const ReviewPanelContent = ({ model, documentId, document }: PanelComponentProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { post } = useFetchClient();
  const { contentType } = useContentManagerContext();
  const values = useForm('ReviewPanel', (s) => s.values) as Record<string, unknown>;
  const onChange = useForm('ReviewPanel', (s) => s.onChange);
  const modified = useForm('ReviewPanel', (s) => s.modified);
  const locale = useDocumentLocale(document);
  const { state, events, error } = useReviewHistory(model, documentId, locale, revisionOf(document));
  const allowed = usePermissions(PERMISSIONS);
  const attributes = (contentType?.attributes ?? {}) as Record<string, { type: string }>;
  const { fields, plainTextFields } = useTextFields(values, attributes);
  const findings = useLiveFindings(fields, plainTextFields, Boolean(allowed.can.check));
  const [comment, setComment] = React.useState('');
  const [settlements, setSettlements] = React.useState<Map<string, Settlement>>(new Map());
  const [settling, setSettling] = React.useState<Finding | null>(null);
  const [busy, setBusy] = React.useState(false);

  const stage = isReviewStage(state?.stage) ? state!.stage : 'draft';
  const inReview = REVIEWING.includes(stage);
  // 三审: three different reviewers, none of them the last editor. The server refuses otherwise; the
  // panel says why before the click instead of after it.
  const myId = useAuth('ReviewPanel', (auth) => auth.user?.id);
  const selfReview = reviewerConflict(state, myId == null ? null : Number(myId));
  const path = (action: string) => `/${PLUGIN_ID}/documents/${model}/${documentId}/${action}`;

  const act = async (action: 'submit' | 'approve' | 'reject', body: Record<string, unknown>, done: string) => {
    setBusy(true);
    try {
      await post(path(action), { locale, ...body });
      toggleNotification({ type: 'success', message: done });
      setComment('');
      setSettlements(new Map());
      announceReviewChange();
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const emergencyPublish = async (reason: string) => {
    setBusy(true);
    try {
      await post(path('emergency-publish'), { locale, reason });
      toggleNotification({ type: 'warning', message: formatMessage({ id: getTranslation('panel.emergency.done'), defaultMessage: 'Published without review (flagged)' }) });
      // The Content Manager's own view of the document (status, published version) reloads with the page.
      window.location.reload();
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
      setBusy(false);
    }
  };

  const comments = optionalComment(comment);

  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%" data-testid="jiyue-review-panel" data-stage={stage}>
      <Flex gap={2} wrap="wrap">
        <StageBadge stage={stage} />
        {state?.ownerSite && (
          <Typography variant="pi" textColor="neutral600">
            {state.ownerSite}
          </Typography>
        )}
      </Flex>
      {error && (
        <Typography variant="pi" textColor="danger600">
          {error}
        </Typography>
      )}
      {state?.lastComment && stage === 'draft' && (
        <Box padding={2} background="warning100" hasRadius data-testid="jiyue-last-comment">
          <Typography variant="pi">{state.lastComment}</Typography>
        </Box>
      )}
      {state && <Approvals state={state} events={events} />}

      {allowed.can.check && (
        <Section title={formatMessage({ id: getTranslation('panel.findings'), defaultMessage: 'Pre-check findings' })}>
          {findings === null ? (
            <Typography variant="pi" textColor="neutral500">
              {formatMessage({ id: getTranslation('panel.checking'), defaultMessage: 'Checking…' })}
            </Typography>
          ) : (
            <FindingList
              findings={findings}
              settled={new Set(settlements.keys())}
              onSelect={(f) => selectRange(f.field, fields[f.field] ?? '', f.offset, f.length)}
              onApply={
                stage === 'draft' || stage === 'published' || stage === 'approved'
                  ? (f) => applyReplacement(f.field, fields[f.field] ?? '', f.offset, f.length, f.suggestion ?? '', (field, next) => onChange(field, next))
                  : undefined
              }
              onSettle={inReview && allowed.can.approve ? (f) => setSettling(f) : undefined}
            />
          )}
          {settling && (
            <SettleForm
              finding={settling}
              onDone={(settlement) => {
                if (settlement) setSettlements((prev) => new Map(prev).set(settlement.key, settlement));
                setSettling(null);
              }}
            />
          )}
        </Section>
      )}

      {documentId && (allowed.can.submit || allowed.can.approve) && (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Field.Root name="review-comment">
            <Field.Label>{formatMessage({ id: getTranslation('panel.comment'), defaultMessage: 'Comment' })}</Field.Label>
            <Textarea data-testid="jiyue-review-comment" value={comment} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setComment(e.target.value)} />
          </Field.Root>
          <Flex gap={2} wrap="wrap">
            {allowed.can.submit && (stage === 'draft' || stage === 'published') && (
              <Button
                data-testid="jiyue-submit"
                loading={busy}
                disabled={modified || !documentId}
                onClick={() => act('submit', comments, formatMessage({ id: getTranslation('panel.submitted'), defaultMessage: 'Submitted for first review' }))}
              >
                {formatMessage({ id: getTranslation('panel.submit'), defaultMessage: 'Submit for review' })}
              </Button>
            )}
            {allowed.can.approve && inReview && (
              <>
                <Button
                  data-testid="jiyue-approve"
                  variant="success"
                  loading={busy}
                  disabled={modified || selfReview !== null}
                  onClick={() =>
                    act(
                      'approve',
                      { ...comments, stage, ...(settlements.size ? { settlements: [...settlements.values()] } : {}) },
                      formatMessage({ id: getTranslation('panel.approved'), defaultMessage: 'Approved' })
                    )
                  }
                >
                  {formatMessage({ id: getTranslation('panel.approve'), defaultMessage: 'Approve' })}
                </Button>
                <Button
                  data-testid="jiyue-reject"
                  variant="danger-light"
                  loading={busy}
                  disabled={!comment.trim()}
                  onClick={() => act('reject', { comment: comment.trim(), stage }, formatMessage({ id: getTranslation('panel.rejected'), defaultMessage: 'Sent back to the author' }))}
                >
                  {formatMessage({ id: getTranslation('panel.reject'), defaultMessage: 'Reject' })}
                </Button>
              </>
            )}
          </Flex>
          {allowed.can.approve && inReview && selfReview && (
            <Typography variant="pi" textColor="neutral600" data-testid="jiyue-self-review">
              {selfReview === 'lastEditor'
                ? formatMessage({ id: getTranslation('panel.selfReview.lastEditor'), defaultMessage: 'You edited this draft last: another reviewer approves this stage.' })
                : formatMessage({ id: getTranslation('panel.selfReview.approvedBefore'), defaultMessage: 'You approved an earlier stage: three different reviewers are required.' })}
            </Typography>
          )}
          {modified && (
            <Typography variant="pi" textColor="neutral600">
              {formatMessage({ id: getTranslation('panel.saveFirst'), defaultMessage: 'Save the draft first: review is bound to the saved text.' })}
            </Typography>
          )}
        </Flex>
      )}

      {allowed.can.emergencyPublish && stage !== 'published' && documentId && <EmergencyPublish onPublish={emergencyPublish} />}

      {events.length > 0 && (
        <Section title={formatMessage({ id: getTranslation('panel.history'), defaultMessage: 'History' })}>
          <HistoryTimeline events={events} />
        </Section>
      )}
    </Flex>
  );
};

const optionalComment = (comment: string) => (comment.trim() ? { comment: comment.trim() } : {});

/** The Review side panel of the edit view, on every type that opts in to review-workflow. */
export const ReviewPanel: PanelComponent = (props) => {
  const { formatMessage } = useIntl();
  const { contentType } = useContentManagerContext();
  // Also on a new entry: the pre-check findings show while writing; review actions need a saved draft.
  if (!isReviewEnabled(contentType as never)) return null;
  return {
    title: formatMessage({ id: getTranslation('panel.title'), defaultMessage: 'Review 三审三校' }),
    content: <ReviewPanelContent {...props} />,
  };
};
ReviewPanel.type = 'review-workflow' as never;
