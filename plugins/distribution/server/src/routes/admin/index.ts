import replacements from './replacements';

const can = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::distribution.${action}`] } }],
});

// Admin-panel routes (admin JWT), each with the RBAC action it needs.
export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/channels', handler: 'channel.list', config: can('channel.manage') },
    { method: 'POST', path: '/channels', handler: 'channel.create', config: can('channel.manage') },
    { method: 'PUT', path: '/channels/:id', handler: 'channel.update', config: can('channel.manage') },
    { method: 'DELETE', path: '/channels/:id', handler: 'channel.remove', config: can('channel.manage') },
    { method: 'GET', path: '/deliveries', handler: 'delivery.list', config: can('delivery.read') },
    { method: 'POST', path: '/deliveries/:id/retry', handler: 'delivery.retry', config: can('delivery.retry') },
    { method: 'POST', path: '/deliveries/retry-dead', handler: 'delivery.retryDead', config: can('delivery.retry') },
    { method: 'POST', path: '/retractions', handler: 'retraction.create', config: can('retraction.create') },
    { method: 'GET', path: '/retractions/:id', handler: 'retraction.find', config: can('retraction.read') },
    ...replacements,
  ],
};
