export { createApiApp } from './app.js';
