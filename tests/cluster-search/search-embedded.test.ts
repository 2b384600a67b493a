import { searchBehaviour } from './search-behaviour';

// The default engine: SQLite FTS5 in its own index file, whether Strapi runs on SQLite or PostgreSQL.
delete process.env.TYPESENSE_URL;
searchBehaviour('embedded');
