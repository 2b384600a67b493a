export default { type: 'content-api', routes: [] as any[] };
