import { lazy } from 'react';

// Pages beyond the catalog load when first opened: a cold visit to the catalog downloads only what it shows.
export const ModelPage = lazy(() => import('./model/model.page').then((module) => ({ default: module.ModelPage })));
export const ReviewQueuePage = lazy(() => import('./reviews/review-queue.page').then((module) => ({ default: module.ReviewQueuePage })));
export const ImportsPage = lazy(() => import('./imports/imports.page').then((module) => ({ default: module.ImportsPage })));
export const ImportPage = lazy(() => import('./imports/import.page').then((module) => ({ default: module.ImportPage })));
export const WebhooksPage = lazy(() => import('./webhooks/webhooks.page').then((module) => ({ default: module.WebhooksPage })));
export const WebhookPage = lazy(() => import('./webhooks/webhook.page').then((module) => ({ default: module.WebhookPage })));
