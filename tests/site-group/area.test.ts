import { runArea } from '../helpers/area';

// Every *.spec.ts of this folder on one shared boot (tests/helpers/area.ts).
runArea(__dirname);
