/**
 * The side-by-side view of one translation: the Chinese source fields read-only on the left, the
 * Tibetan fields editable on the right, saved as the Tibetan draft through
 * `PUT /bilingual/documents/:uid/:documentId/translation` (the server applies the site scope, NFC and
 * the Tibetan script check, and answers 400 naming the field). Only the changed fields are sent.
 */
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Box, Button, Field, Flex, Grid, Modal, Textarea, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { TIBETAN_FONT_FAMILY } from '@jiyue/admin-ui';
import { getTranslation } from '../constants';
import { errorMessage, fieldMessages, type TranslationView } from '../utils/api';

interface SideBySideProps {
  uid: string;
  documentId: string;
  locale: string;
  canEdit: boolean;
  onClose: () => void;
  onSaved: () => void;
}

const tibetanStyle: React.CSSProperties = { fontFamily: `'${TIBETAN_FONT_FAMILY}', serif`, fontSize: '1.6rem', lineHeight: 1.9 };

export const SideBySide = ({ uid, documentId, locale, canEdit, onClose, onSaved }: SideBySideProps) => {
  const { formatMessage } = useIntl();
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) => formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const [view, setView] = React.useState<TranslationView | null>(null);
  const [loadError, setLoadError] = React.useState<string | null>(null);
  const [values, setValues] = React.useState<Record<string, string>>({});
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [saving, setSaving] = React.useState(false);

  const show = (next: TranslationView) => {
    setView(next);
    setValues(Object.fromEntries(next.fields.map(({ name }) => [name, next.target?.[name] ?? ''])));
  };

  React.useEffect(() => {
    let live = true;
    get<{ data: TranslationView }>(`/bilingual/documents/${uid}/${documentId}/translation?locale=${encodeURIComponent(locale)}`)
      .then((res) => live && show(res.data.data))
      .catch((error: unknown) => live && setLoadError(errorMessage(error)));
    return () => {
      live = false;
    };
  }, [get, uid, documentId, locale]);

  const changed = view ? Object.fromEntries(Object.entries(values).filter(([name, value]) => value !== (view.target?.[name] ?? ''))) : {};
  const dirty = Object.keys(changed).length > 0;

  const save = async () => {
    setSaving(true);
    setErrors({});
    try {
      const res = await put<{ data: TranslationView }>(`/bilingual/documents/${uid}/${documentId}/translation`, { locale, data: changed });
      show(res.data.data);
      toggleNotification({ type: 'success', message: t('sideBySide.saved', 'Tibetan draft saved') });
      onSaved();
    } catch (error) {
      setErrors(fieldMessages(error));
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content style={{ width: 'min(1200px, 94vw)', maxWidth: 'none' }} data-testid="jiyue-side-by-side">
        <Modal.Header>
          <Modal.Title>{t('sideBySide.title', 'Side by side: Chinese source and Tibetan translation')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {loadError ? (
            <Typography textColor="danger600">{loadError}</Typography>
          ) : !view ? (
            <Typography textColor="neutral600">{t('panel.loading', 'Loading…')}</Typography>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={5}>
              <Grid.Root gap={6}>
                <Grid.Item col={6} s={12}>
                  <Typography variant="sigma" textColor="neutral600">
                    {t('sideBySide.source', 'Chinese (source, read-only)')}
                  </Typography>
                </Grid.Item>
                <Grid.Item col={6} s={12}>
                  <Typography variant="sigma" textColor="neutral600">
                    {t('sideBySide.target', 'Tibetan བོད་ཡིག (draft)')}
                  </Typography>
                </Grid.Item>
              </Grid.Root>
              {view.fields.map(({ name, type }) => {
                const long = type !== 'string';
                const source = view.source[name] ?? '';
                return (
                  <Grid.Root key={name} gap={6} data-field={name}>
                    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                      <Field.Root name={`source-${name}`} hint={name}>
                        <Field.Label>{name}</Field.Label>
                        <Box padding={3} background="neutral100" hasRadius borderColor="neutral200" data-testid={`source-${name}`} style={{ minHeight: long ? 120 : undefined, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                          <Typography lang="zh-Hans">{source || '—'}</Typography>
                        </Box>
                      </Field.Root>
                    </Grid.Item>
                    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                      <Field.Root name={`target-${name}`} error={errors[name]}>
                        <Field.Label>{name}</Field.Label>
                        {long ? (
                          <Textarea
                            lang="bo"
                            data-testid={`target-${name}`}
                            disabled={!canEdit}
                            value={values[name] ?? ''}
                            style={tibetanStyle}
                            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setValues((prev) => ({ ...prev, [name]: e.target.value }))}
                          />
                        ) : (
                          <TextInput
                            lang="bo"
                            data-testid={`target-${name}`}
                            disabled={!canEdit}
                            value={values[name] ?? ''}
                            style={tibetanStyle}
                            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setValues((prev) => ({ ...prev, [name]: e.target.value }))}
                          />
                        )}
                        <Field.Error />
                      </Field.Root>
                    </Grid.Item>
                  </Grid.Root>
                );
              })}
            </Flex>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('sideBySide.close', 'Close')}</Button>
          </Modal.Close>
          {canEdit ? (
            <Button data-testid="jiyue-side-by-side-save" loading={saving} disabled={!dirty || !view} onClick={save}>
              {t('sideBySide.save', 'Save Tibetan draft')}
            </Button>
          ) : null}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
