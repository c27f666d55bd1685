import type { WebhookEventType } from '../api/api-types';

/** What each event means to a receiver; a Record, so a type the API adds fails the build until it is described here. */
export const EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  'model.created': 'a model was added to the catalog',
  'version.submitted': 'a version was submitted for review',
  'version.scanned': 'the scan of a version ended, with counts by severity',
  'version.benchmarked': 'a benchmark run of a version ended',
  'version.approved': 'a version was approved',
  'version.rejected': 'a version was rejected',
  'version.deprecated': 'a version was deprecated',
  'version.revoked': 'a version was revoked',
  'import.succeeded': 'an import from a Hub completed',
  'import.failed': 'an import from a Hub failed',
};

export const EVENT_TYPES = Object.keys(EVENT_DESCRIPTIONS) as WebhookEventType[];
