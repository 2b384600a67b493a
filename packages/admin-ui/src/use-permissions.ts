import * as React from 'react';
import { useAuth } from '@strapi/strapi/admin';

/** An RBAC action as the admin's permission checks take it (the same shape Strapi's `useRBAC` takes). */
export interface PermissionAction {
  action: string;
  subject?: string | null;
}

/**
 * A plugin's RBAC actions by the name its screens read them under, each as the list `usePermissions`
 * takes: `pluginPermissions('review-workflow', { read: 'review.read' })` →
 * `{ read: [{ action: 'plugin::review-workflow.review.read', subject: null }] }`. The names are the
 * actions the plugin's server registers; the server still decides.
 */
export const pluginPermissions = <K extends string>(pluginId: string, actions: Record<K, string>): Record<K, PermissionAction[]> =>
  Object.fromEntries(
    (Object.entries(actions) as [K, string][]).map(([name, action]) => [name, [{ action: `plugin::${pluginId}.${action}`, subject: null }]]),
  ) as Record<K, PermissionAction[]>;

/**
 * What the current admin may do, by name: `usePermissions({ read: [...], place: [...] })` gives
 * `{ isLoading, can: { read, place } }`, checked again whenever the admin's own permissions change.
 *
 * Strapi's `useRBAC` checks once per list of actions: a screen opened by a full load (a bookmark, a
 * reload, an edit view right after login) can mount before the admin's permissions have arrived, and
 * then shows "no permissions" for good, its buttons hidden (seen in the browser suite: a reviewer's
 * desk, the Site panel). Here the check runs again when `permissions` or the auth loading state
 * change, and a stale answer is dropped. Actions are matched by their full uid. Buttons follow this;
 * the server still decides.
 */
export const usePermissions = <K extends string>(wanted: Record<K, readonly PermissionAction[]>) => {
  const permissions = useAuth('usePermissions', (state) => state.permissions);
  const isLoadingAuth = useAuth('usePermissions', (state) => state.isLoading);
  const checkUserHasPermissions = useAuth('usePermissions', (state) => state.checkUserHasPermissions);
  const [granted, setGranted] = React.useState<Set<string> | null>(null);

  // The actions as a stable key: callers may pass a new object on every render.
  const key = JSON.stringify(Object.values<readonly PermissionAction[]>(wanted).flat().map(({ action, subject }) => [action, subject ?? null]));

  React.useEffect(() => {
    if (isLoadingAuth) return undefined;
    let current = true;
    const all = (JSON.parse(key) as [string, string | null][]).map(([action, subject]) => ({ action, subject }));
    checkUserHasPermissions(all).then(
      (allowed) => current && setGranted(new Set(allowed.map((permission) => permission.action))),
      () => current && setGranted(new Set()),
    );
    return () => {
      current = false;
    };
  }, [checkUserHasPermissions, permissions, isLoadingAuth, key]);

  const can = Object.fromEntries(
    (Object.entries(wanted) as [K, readonly PermissionAction[]][]).map(([name, actions]) => [
      name,
      Boolean(granted && actions.some(({ action }) => granted.has(action))),
    ]),
  ) as Record<K, boolean>;
  return { isLoading: isLoadingAuth || granted === null, can };
};
