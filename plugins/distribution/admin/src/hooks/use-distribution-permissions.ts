import * as React from 'react';
import { useAuth } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../constants';

const ALL = Object.values(PERMISSIONS).flat();

/**
 * What the current admin may do in the Distribution panel, fetched once for all of the plugin's actions
 * and again whenever the admin's own permissions change. Strapi's `useRBAC` checks once per list of
 * actions, so a panel mounted before the admin's permissions arrived (a full page load) would show "no
 * permission" for good; this waits for them (the same approach as review-workflow's
 * `hooks/use-review-permissions.ts`).
 */
export const useDistributionPermissions = () => {
  const permissions = useAuth('useDistributionPermissions', (state) => state.permissions);
  const isLoadingAuth = useAuth('useDistributionPermissions', (state) => state.isLoading);
  const checkUserHasPermissions = useAuth('useDistributionPermissions', (state) => state.checkUserHasPermissions);
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
    canChoose: can(PERMISSIONS.choose),
    canRetry: can(PERMISSIONS.retry),
  };
};
