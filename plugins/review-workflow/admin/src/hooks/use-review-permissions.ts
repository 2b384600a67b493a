import { useRBAC } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../constants';

const ALL = Object.values(PERMISSIONS).flat();

/**
 * What the current admin may do in the review screens. useRBAC names each result after the last
 * dot-separated part of its action (`check.run` → `canRun`), so the names are mapped here once.
 */
export const useReviewPermissions = () => {
  const { allowedActions, isLoading } = useRBAC(ALL);
  return {
    isLoading,
    canRead: Boolean(allowedActions.canRead),
    canSubmit: Boolean(allowedActions.canSubmit),
    canApprove: Boolean(allowedActions.canApprove),
    canEmergencyPublish: Boolean(allowedActions.canEmergencyPublish),
    canCheck: Boolean(allowedActions.canRun),
  };
};
