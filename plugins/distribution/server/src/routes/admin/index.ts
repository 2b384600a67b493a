import replacements from './replacements';

export default { type: 'admin', routes: [...replacements] as any[] };
