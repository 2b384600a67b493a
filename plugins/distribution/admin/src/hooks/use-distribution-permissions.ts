import { usePermissions } from '@jiyue/admin-ui';
import { PERMISSIONS } from '../constants';

/**
 * What the current admin may do in the Distribution panel: `@jiyue/admin-ui`'s `usePermissions`
 * (checked again whenever the admin's permissions change, so a panel opened by a full load does not keep
 * its buttons hidden), named as the panel reads it.
 */
export const useDistributionPermissions = () => {
  const { isLoading, can } = usePermissions(PERMISSIONS);
  return {
    isLoading,
    canRead: can.read,
    canChoose: can.choose,
    canRetry: can.retry,
  };
};
