import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/get-translation';

/** The site-tree picker's words, translated (the picker itself takes them as props). */
export const useTreeLabels = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  return {
    filter: t('tree.filter', 'Filter sites and columns'),
    mine: t('tree.mine', 'mine'),
    noMatch: t('tree.noMatch', 'No site matches'),
    expand: t('tree.expand', 'Expand'),
    collapse: t('tree.collapse', 'Collapse'),
  };
};
