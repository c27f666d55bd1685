export { ensureFirstAdminKey } from './first-admin-key.js';
export { prepareDatabase, withClient } from './prepare-database.js';
