import type { paths } from './generated/schema';

/** The JSON body a route answers with on success. */
type JsonOf<Operation, Status extends number = 200> = Operation extends {
  responses: { [S in Status]: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

export type Principal = JsonOf<paths['/v1/whoami']['get']>;
export type Role = Principal['role'];
export type ModelListQuery = NonNullable<paths['/v1/models']['get']['parameters']['query']>;
export type ModelSummary = JsonOf<paths['/v1/models']['get']>['items'][number];
export type Model = JsonOf<paths['/v1/models/{namespace}/{name}']['get']>;
export type VersionSummary = JsonOf<paths['/v1/models/{namespace}/{name}/versions']['get']>['items'][number];
export type VersionStatus = VersionSummary['status'];
export type ModelFile = JsonOf<paths['/v1/models/{namespace}/{name}/versions/{version}/files']['get']>['items'][number];
export type ScanStatus = ModelFile['scan']['status'];
export type License = JsonOf<paths['/v1/licenses/{id}']['get']>;
export type CommercialUse = License['terms']['commercialUse'];
export type IntendedUse = NonNullable<
  paths['/v1/models/{namespace}/{name}/license-check']['post']['requestBody']
>['content']['application/json'];
export type LicenseCheck = JsonOf<paths['/v1/models/{namespace}/{name}/license-check']['post']>;
export type QueueItem = JsonOf<paths['/v1/reviews/queue']['get']>['items'][number];
export type ReviewRequest = NonNullable<
  paths['/v1/models/{namespace}/{name}/versions/{version}/reviews']['post']['requestBody']
>['content']['application/json'];
export type ImportJob = JsonOf<paths['/v1/imports/{id}']['get']>;
export type ImportRequest = NonNullable<paths['/v1/imports']['post']['requestBody']>['content']['application/json'];
export type ScanReport = JsonOf<paths['/v1/models/{namespace}/{name}/versions/{version}/scan']['get']>;
export type ScanFinding = ScanReport['files'][number]['findings'][number];
export type BenchmarkRun = JsonOf<paths['/v1/benchmarks/{id}']['get']>;
export type BenchmarkRequest = NonNullable<
  paths['/v1/models/{namespace}/{name}/versions/{version}/benchmarks']['post']['requestBody']
>['content']['application/json'];
export type Version = JsonOf<paths['/v1/models/{namespace}/{name}/versions/{version}']['get']>;
export type HistoryEvent = JsonOf<paths['/v1/models/{namespace}/{name}/versions/{version}/history']['get']>['items'][number];
export type Review = JsonOf<paths['/v1/models/{namespace}/{name}/versions/{version}/reviews']['get']>['items'][number];
export type Evidence = QueueItem['evidence'];
export type EvidenceFinding = NonNullable<Evidence['findings']>['critical'][number];
export type EvidenceRun = NonNullable<Evidence['benchmarkRuns']>[number];
export type Contributor = NonNullable<Evidence['contributors']>[number];
export type VersionDiff = NonNullable<Evidence['diff']>;
export type ResolvedInput = NonNullable<BenchmarkRun['inputs']>[number];
export type DomainEvent = JsonOf<paths['/v1/events']['get']>['items'][number];
export type EventType = DomainEvent['type'];
export type Webhook = JsonOf<paths['/v1/webhooks/{id}']['get']>;
export type CreatedWebhook = JsonOf<paths['/v1/webhooks']['post'], 201>;
export type WebhookRequest = NonNullable<paths['/v1/webhooks']['post']['requestBody']>['content']['application/json'];
export type WebhookUpdate = NonNullable<paths['/v1/webhooks/{id}']['patch']['requestBody']>['content']['application/json'];
export type WebhookEventType = NonNullable<WebhookRequest['events']>[number];
export type WebhookDelivery = JsonOf<paths['/v1/webhooks/{id}/deliveries']['get']>['items'][number];
export type DeliveryStatus = WebhookDelivery['status'];
