import * as React from 'react';
import { useAuth } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../constants';

const ALL = Object.values(PERMISSIONS).flat();

/**
 * What the current admin may do in the review screens, checked again whenever the admin's own
 * permissions change. Strapi's `useRBAC` checks once per list of actions: a page opened by a full load
 * (a bookmark, a reload, the review desk right after login) can mount before the admin's permissions
 * have arrived, and then shows "no permissions" for good (seen in the browser suite: a reviewer's desk).
 * Actions are matched by their full uid, so no `canX` naming is involved.
 */
export const useReviewPermissions = () => {
  const permissions = useAuth('useReviewPermissions', (state) => state.permissions);
  const isLoadingAuth = useAuth('useReviewPermissions', (state) => state.isLoading);
  const checkUserHasPermissions = useAuth('useReviewPermissions', (state) => state.checkUserHasPermissions);
  const [granted, setGranted] = React.useState<Set<string> | null>(null);

  React.useEffect(() => {
    if (isLoadingAuth) return undefined;
    let current = true;
    checkUserHasPermissions(ALL).then(
      (allowed) => current && setGranted(new Set(allowed.map((permission) => permission.action))),
      () => current && setGranted(new Set()),
    );
    return () => {
      current = false;
    };
  }, [checkUserHasPermissions, permissions, isLoadingAuth]);

  const can = (actions: { action: string }[]) => Boolean(granted && actions.some(({ action }) => granted.has(action)));
  return {
    isLoading: isLoadingAuth || granted === null,
    canRead: can(PERMISSIONS.read),
    canSubmit: can(PERMISSIONS.submit),
    canApprove: can(PERMISSIONS.approve),
    canEmergencyPublish: can(PERMISSIONS.emergencyPublish),
    canCheck: can(PERMISSIONS.check),
  };
};
