import * as React from 'react';
import { Badge, Box, Button, Flex, Modal, TextInput, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { errorDetails, errorMessage, serverErrors, useT, type ServerError } from '../api';
import { Errors, tibetan } from './ui';

/** Which entry's drawer a list has open (`item: null` for a new one); `saved` closes it and reloads the list. */
export const useDrawer = <T,>(reload: () => void) => {
  const [open, setOpen] = React.useState<{ item: T | null } | null>(null);
  const show = (item: T | null) => setOpen({ item });
  const close = () => setOpen(null);
  const saved = () => {
    setOpen(null);
    reload();
  };
  return { open, show, close, saved };
};

/**
 * A drawer's save or delete: busy while it runs, a toast either way, `onSaved` after success; a refusal
 * keeps the server's field errors, and `onDetails` runs when it carries details (a usage list to reload).
 */
export const useSubmit = (onSaved: () => void) => {
  const { toggleNotification } = useNotification();
  const [errors, setErrors] = React.useState<ServerError[]>([]);
  const [busy, setBusy] = React.useState(false);
  const submit = async (request: () => Promise<unknown>, success: string, onDetails?: () => void) => {
    setBusy(true);
    try {
      await request();
      toggleNotification({ type: 'success', message: success });
      onSaved();
    } catch (e) {
      setErrors(serverErrors(e));
      if (onDetails && errorDetails(e)) onDetails();
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, submit };
};

/** One field of a drawer: its bold label (🔒 when locked), the input, the server's messages under it. */
export const Field = ({ label, locked = false, errors, children }: { label: string; locked?: boolean; errors?: ServerError[]; children: React.ReactNode }) => (
  <Box>
    <Typography variant="pi" fontWeight="bold">
      {label}
      {locked ? ' 🔒' : ''}
    </Typography>
    {children}
    <Errors errors={errors} />
  </Box>
);

/** A text field of a drawer (`aria-label` its label). */
export const TextField = ({
  label,
  name,
  testId,
  value,
  onChange,
  disabled,
  locked,
  errors,
  style,
}: {
  label: string;
  name: string;
  testId?: string;
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
  locked?: boolean;
  errors?: ServerError[];
  style?: React.CSSProperties;
}) => (
  <Field label={label} locked={locked} errors={errors}>
    <TextInput aria-label={label} name={name} data-testid={testId} disabled={disabled} value={value} style={style}
      onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)} />
  </Field>
);

/**
 * Create or edit one entry (a fact, a tag): `testId` prefixes the drawer's `-drawer`, `-delete` and `-save`;
 * delete shows only with `onDelete` (an existing entry) and is refused while locked.
 */
export const EntryDrawer = ({
  testId,
  title,
  canManage,
  locked,
  busy,
  onClose,
  onSave,
  onDelete,
  saveLabel,
  deleteLabel,
  children,
}: {
  testId: string;
  title: string;
  canManage: boolean;
  locked: boolean;
  busy: boolean;
  onClose: () => void;
  onSave: () => void;
  onDelete?: () => void;
  saveLabel: string;
  deleteLabel: string;
  children: React.ReactNode;
}) => {
  const t = useT();
  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content data-testid={`${testId}-drawer`}>
        <Modal.Header>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={3}>
            {children}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Flex gap={2}>
            {onDelete && canManage && (
              <Button variant="danger-light" onClick={onDelete} disabled={locked} loading={busy} data-testid={`${testId}-delete`}>
                {deleteLabel}
                {locked ? ' 🔒' : ''}
              </Button>
            )}
          </Flex>
          <Flex gap={2}>
            <Button variant="tertiary" onClick={onClose}>
              {t('cancel', 'Cancel')}
            </Button>
            {canManage && (
              <Button onClick={onSave} loading={busy} data-testid={`${testId}-save`}>
                {saveLabel}
              </Button>
            )}
          </Flex>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** Tibetan text, or the pending-translation badge where there is none yet. */
export const BoText = ({ text }: { text?: string | null }) => {
  const t = useT();
  return text ? <Typography style={tibetan}>{text}</Typography> : <Badge>{t('translationPending', '待译')}</Badge>;
};

/** The badge of a sensitive fact or tag (`data-badge="sensitive"`). */
export const SensitiveBadge = () => {
  const t = useT();
  return (
    <Badge backgroundColor="danger100" textColor="danger700" data-badge="sensitive">
      {t('fact.badge.sensitive', 'sensitive')}
    </Badge>
  );
};
