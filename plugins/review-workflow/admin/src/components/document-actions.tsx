import { useFetchClient, useForm, useNotification } from '@strapi/strapi/admin';
import { unstable_useContentManagerContext as useContentManagerContext } from '@strapi/content-manager/strapi-admin';
import type { DocumentActionComponent, DocumentActionDescription } from '@strapi/content-manager/strapi-admin';
import { isReviewStage, usePermissions, type ReviewStage } from '@jiyue/admin-ui';
import { useIntl } from 'react-intl';
import { PERMISSIONS, PLUGIN_ID, getTranslation } from '../constants';
import { announceReviewChange, errorMessage, revisionOf, useReviewHistory } from '../hooks/use-review-history';
import { useDocumentLocale } from '../utils/document-locale';
import { isReviewEnabled } from '../utils/review-enabled';

const GATE_DEFAULTS: Record<ReviewStage, string | null> = {
  draft: 'Needs review first — 送审',
  'first-review': 'Needs first review — 初审',
  'second-review': 'Needs second review — 复审',
  'final-review': 'Needs final approval — 终审',
  approved: null,
  published: 'Changed since publishing: needs review — 送审',
};

/** What still stands between the document and publishing, in the words the editor sees on the button. */
const useGateMessage = () => {
  const { formatMessage } = useIntl();
  return (stage: ReviewStage): string | null => {
    const defaultMessage = GATE_DEFAULTS[stage];
    return defaultMessage === null ? null : formatMessage({ id: getTranslation(`gate.${stage}`), defaultMessage });
  };
};

/**
 * Wraps the Content Manager's Publish action: on a reviewed type it stays disabled, labelled with what is
 * missing ("needs final approval — 终审"), until the current locale's state is `approved`. The server's
 * publish gate decides anyway; this only says why beforehand.
 */
export const gatePublishAction = (publish: DocumentActionComponent): DocumentActionComponent => {
  const GatedPublish: DocumentActionComponent = (props) => {
    const original = publish(props);
    const { contentType } = useContentManagerContext();
    const locale = useDocumentLocale(props.document);
    const { state, loaded } = useReviewHistory(props.model, props.documentId, locale, revisionOf(props.document));
    const gateMessage = useGateMessage();
    if (!original || !isReviewEnabled(contentType as never)) return original;
    const stage: ReviewStage = isReviewStage(state?.stage) ? state!.stage : 'draft';
    const blocked = props.documentId ? gateMessage(stage) : gateMessage('draft');
    if (!blocked && loaded) return original;
    return { ...original, disabled: true, label: blocked ?? original.label } as DocumentActionDescription;
  };
  GatedPublish.type = 'publish';
  GatedPublish.position = publish.position;
  return GatedPublish;
};

/** "Submit for review" beside Publish: sends the saved draft of this locale to 初审. */
export const SubmitForReviewAction: DocumentActionComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { contentType } = useContentManagerContext();
  const allowed = usePermissions(PERMISSIONS);
  const modified = useForm('SubmitForReviewAction', (s) => s.modified);
  const locale = useDocumentLocale(document);
  const { state } = useReviewHistory(model, documentId, locale, revisionOf(document));
  if (!isReviewEnabled(contentType as never) || !allowed.can.submit) return null;
  const stage = state?.stage ?? 'draft';
  return {
    label: formatMessage({ id: getTranslation('panel.submit'), defaultMessage: 'Submit for review' }),
    position: 'panel',
    disabled: !documentId || modified || !(stage === 'draft' || stage === 'published'),
    onClick: async () => {
      try {
        await post(`/${PLUGIN_ID}/documents/${model}/${documentId}/submit`, { locale });
        toggleNotification({ type: 'success', message: formatMessage({ id: getTranslation('panel.submitted'), defaultMessage: 'Submitted for first review' }) });
        announceReviewChange();
      } catch (e) {
        toggleNotification({ type: 'danger', message: errorMessage(e) });
      }
    },
  };
};
