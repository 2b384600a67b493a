/**
 * The Language side panel of the Content Manager's edit view, on every localized type bilingual
 * follows: each locale's state (source, missing, up to date, outdated, with when the source changed),
 * a link that opens the other language in the Content Manager, "pre-translate from glossary" for a new
 * Tibetan draft, and the side-by-side view. Buttons follow the admin's permissions; the server decides.
 */
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { unstable_useContentManagerContext as useContentManagerContext } from '@strapi/content-manager/strapi-admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { TIBETAN_FONT_FAMILY, useDocumentLocale, usePermissions } from '@jiyue/admin-ui';
import { PERMISSIONS, SOURCE_LOCALE, TIBETAN_LOCALE, getTranslation } from '../constants';
import { errorMessage, useDocumentStatus, type LocaleState, type LocaleStatus } from '../utils/api';
import { SideBySide } from './side-by-side';

const BADGE: Record<LocaleStatus, { background: string; textColor: string }> = {
  source: { background: 'neutral150', textColor: 'neutral700' },
  missing: { background: 'danger100', textColor: 'danger700' },
  'up-to-date': { background: 'success100', textColor: 'success700' },
  outdated: { background: 'warning100', textColor: 'warning700' },
};

const tibetanFont: React.CSSProperties = { fontFamily: `'${TIBETAN_FONT_FAMILY}', serif` };

/** A localized type of the app (`api::`, i18n `localized: true`): what bilingual follows. */
const isLocalizedType = (contentType?: { uid?: string; pluginOptions?: Record<string, unknown> } | null) =>
  Boolean(contentType?.uid?.startsWith('api::')) && (contentType?.pluginOptions?.i18n as { localized?: boolean } | undefined)?.localized === true;

const LanguagePanelContent = ({ model, documentId, document }: PanelComponentProps) => {
  const { formatMessage, formatDate } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const t = (id: string, defaultMessage: string, values?: Record<string, string>) => formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const { can, isLoading } = usePermissions(PERMISSIONS);
  const current = useDocumentLocale(document) ?? SOURCE_LOCALE;
  const revision = (document as { updatedAt?: string } | undefined)?.updatedAt;
  const status = useDocumentStatus(model, documentId, revision, can.read);
  const [busy, setBusy] = React.useState(false);
  const [open, setOpen] = React.useState(false);

  const localeName = (locale: string) =>
    locale === SOURCE_LOCALE ? t('locale.zh-Hans', 'Chinese') : locale === TIBETAN_LOCALE ? t('locale.bo', 'Tibetan') : locale;
  const when = (iso: string | null | undefined) => (iso ? formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }) : '');
  const source = status.data?.locales.find((l) => l.status === 'source' || l.locale === SOURCE_LOCALE);
  const tibetan = status.data?.locales.find((l) => l.locale === TIBETAN_LOCALE);

  const pretranslate = async () => {
    setBusy(true);
    try {
      await post('/bilingual/pretranslate', { uid: model, documentId, locale: TIBETAN_LOCALE });
      toggleNotification({ type: 'success', message: t('panel.pretranslated', 'Tibetan draft created from the glossary (machine-assisted)') });
      status.reload();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const detail = (l: LocaleState) => {
    if (l.status === 'source') return l.updatedAt ? t('panel.changed', 'changed {when}', { when: when(l.updatedAt) }) : '';
    if (l.status === 'outdated') return source?.updatedAt ? t('panel.sourceChanged', 'source changed {when}', { when: when(source.updatedAt) }) : '';
    if (l.status === 'up-to-date') return l.translatedAt ? t('panel.translated', 'translated {when}', { when: when(l.translatedAt) }) : '';
    return '';
  };

  if (!documentId) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {t('panel.unsaved', 'Save the document first.')}
      </Typography>
    );
  }
  if (isLoading) return <Typography variant="pi" textColor="neutral600">{t('panel.loading', 'Loading…')}</Typography>;
  if (!can.read) return null;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="jiyue-language-panel">
      {status.error ? (
        <Typography variant="pi" textColor="danger600">
          {status.error}
        </Typography>
      ) : null}
      {(status.data?.locales ?? []).map((l) => (
        <Box key={l.locale} data-testid={`language-${l.locale}`} data-status={l.status}>
          <Flex justifyContent="space-between" alignItems="center" gap={2}>
            <Typography fontWeight="bold">
              {localeName(l.locale)}
              {l.locale === TIBETAN_LOCALE ? (
                <span lang="bo" style={{ ...tibetanFont, marginInlineStart: 6, fontWeight: 'normal' }}>
                  བོད་ཡིག
                </span>
              ) : null}
            </Typography>
            <Badge {...BADGE[l.status]}>{t(`status.${l.status}`, l.status)}</Badge>
          </Flex>
          <Flex justifyContent="space-between" gap={2} paddingTop={1}>
            <Typography variant="pi" textColor="neutral600">
              {[detail(l), l.machineAssisted ? t('panel.machine', 'machine-assisted') : '', l.published ? t('panel.published', 'published') : ''].filter(Boolean).join(' · ')}
            </Typography>
            {l.locale !== current && l.status !== 'missing' ? (
              <RouterLink data-testid={`language-open-${l.locale}`} to={`/content-manager/collection-types/${model}/${documentId}?plugins[i18n][locale]=${encodeURIComponent(l.locale)}`}>
                <Typography variant="pi" textColor="primary600">
                  {t('panel.open', 'Open')}
                </Typography>
              </RouterLink>
            ) : null}
          </Flex>
        </Box>
      ))}
      {tibetan && tibetan.status === 'missing' && can.pretranslate ? (
        <Button variant="secondary" fullWidth loading={busy} onClick={pretranslate} data-testid="jiyue-pretranslate">
          {t('panel.pretranslate', 'Pre-translate from glossary')}
        </Button>
      ) : null}
      {tibetan && source ? (
        <Button variant="secondary" fullWidth onClick={() => setOpen(true)} data-testid="jiyue-open-side-by-side">
          {t('panel.sideBySide', 'Side by side')}
        </Button>
      ) : null}
      {open ? (
        <SideBySide uid={model} documentId={documentId} locale={TIBETAN_LOCALE} canEdit={can.edit} onClose={() => setOpen(false)} onSaved={status.reload} />
      ) : null}
    </Flex>
  );
};

/** The Language side panel of the edit view (`addEditViewSidePanel`), on localized types only. */
export const LanguagePanel: PanelComponent = (props) => {
  const { formatMessage } = useIntl();
  const { contentType } = useContentManagerContext();
  if (!isLocalizedType(contentType as never)) return null;
  return {
    title: formatMessage({ id: getTranslation('panel.title'), defaultMessage: 'Language 双语' }),
    content: <LanguagePanelContent {...props} />,
  };
};
LanguagePanel.type = 'bilingual' as never;
