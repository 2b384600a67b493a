import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';

type PermissionRow = { action: string; subject: string | null; conditions?: string[]; properties?: Record<string, unknown> };

const key = (p: PermissionRow) => `${p.action}|${p.subject ?? ''}`;
const shape = (p: PermissionRow) => ({ action: p.action, subject: p.subject ?? null, conditions: [...(p.conditions ?? [])].sort(), properties: p.properties ?? {} });

/** What changed between two permission sets of a role: added, removed, and changed (conditions or properties). */
export const permissionDiff = (before: PermissionRow[], after: PermissionRow[]) => {
  const b = new Map(before.map((p) => [key(p), shape(p)]));
  const a = new Map(after.map((p) => [key(p), shape(p)]));
  const removed = [...b.entries()].filter(([k]) => !a.has(k)).map(([, v]) => v);
  const added = [...a.entries()].filter(([k]) => !b.has(k)).map(([, v]) => v);
  const changedKeys = [...a.keys()].filter((k) => b.has(k) && JSON.stringify(a.get(k)) !== JSON.stringify(b.get(k)));
  return {
    before: [...removed, ...changedKeys.map((k) => b.get(k)!)],
    after: [...added, ...changedKeys.map((k) => a.get(k)!)],
    changed: removed.length + added.length + changedKeys.length > 0,
  };
};

/**
 * Logs every change to a role's permissions (Settings → Roles, `PUT /admin/roles/:id/permissions`,
 * and code calling the role service), including the site conditions attached to each permission.
 * Strapi's admin resolves its services by name at call time, so wrapping the service method covers
 * the route. Only the permissions that changed are written: before holds the removed and the old
 * versions of changed ones, after the added and the new versions.
 */
/** The admin role service's `assignPermissions`, and the original it wraps once wrapped here. */
type AssignPermissions = ((roleId: number, permissions: unknown[], ...rest: unknown[]) => Promise<unknown>) & { __jiyueOriginal?: AssignPermissions };

export const logRolePermissions = (strapi: Core.Strapi) => {
  const roles = strapi.service('admin::role') as { assignPermissions?: AssignPermissions } | undefined;
  if (!roles?.assignPermissions) return;
  // Strapi's admin services are module singletons: a later Strapi instance in the same process (a
  // restart, the test harness) finds the wrapper of an earlier one, bound to that instance's closed
  // database. Wrap the original again, for this instance.
  const original = roles.assignPermissions.__jiyueOriginal ?? roles.assignPermissions;
  const read = async (roleId: number): Promise<PermissionRow[]> =>
    strapi.db.query('admin::permission').findMany({ where: { role: { id: roleId } }, select: ['action', 'subject', 'conditions', 'properties'] });
  const wrapped: AssignPermissions = async function (this: unknown, roleId: number, permissions: unknown[], ...rest: unknown[]) {
    const before = await read(roleId);
    const result = await original.call(roles, roleId, permissions, ...rest);
    const diff = permissionDiff(before, await read(roleId));
    if (diff.changed) {
      const role = await strapi.db.query('admin::role').findOne({ where: { id: roleId }, select: ['id', 'name', 'code'] });
      await getService('operations').record({
        action: 'permissions',
        subject: { type: 'role', id: roleId, label: role?.name ?? null },
        before: diff.before,
        after: diff.after,
      });
    }
    return result;
  };
  wrapped.__jiyueOriginal = original;
  roles.assignPermissions = wrapped;
};
