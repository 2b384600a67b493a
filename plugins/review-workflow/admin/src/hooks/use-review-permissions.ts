import { usePermissions } from '@jiyue/admin-ui';
import { PERMISSIONS } from '../constants';

/**
 * What the current admin may do in the review screens: `@jiyue/admin-ui`'s `usePermissions` (checked
 * again whenever the admin's permissions change, so a screen opened by a full load does not keep its
 * buttons hidden), named as the review screens read it.
 */
export const useReviewPermissions = () => {
  const { isLoading, can } = usePermissions(PERMISSIONS);
  return {
    isLoading,
    canRead: can.read,
    canSubmit: can.submit,
    canApprove: can.approve,
    canEmergencyPublish: can.emergencyPublish,
    canCheck: can.check,
  };
};
