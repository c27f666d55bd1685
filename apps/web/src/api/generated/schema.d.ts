// Generated from the API's OpenAPI document by `npm run web:api-types`. Do not edit.

export interface paths {
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EventsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EventsController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MetricsController_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["KeysController_list"];
        put?: never;
        post: operations["KeysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["KeysController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/whoami": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["KeysController_whoami"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PersonalKeysController_list"];
        put?: never;
        post: operations["PersonalKeysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["PersonalKeysController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthSessionController_session"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthSessionController_signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oidc/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OidcController_signIn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OidcController_callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ModelsController_list"];
        put?: never;
        post: operations["ModelsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{namespace}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ModelsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["ModelsController_update"];
        trace?: never;
    };
    "/v1/models/{namespace}/{name}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ModelsController_archive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{namespace}/{name}/unarchive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ModelsController_unarchive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{namespace}/{name}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ModelsController_listVersions"];
        put?: never;
        post: operations["ModelsController_createVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{namespace}/{name}/versions/{version}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ModelsController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{namespace}/{name}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ModelsController_getVersion"];
        put?: never;
        post?: never;
        delete: operations["ModelsController_deleteVersion"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{namespace}/{name}/versions/{version}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ModelsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{namespace}/{name}/versions/{version}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["FilesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{namespace}/{name}/versions/{version}/files/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["FilesController_download"];
        put: operations["FilesController_upload"];
        post?: never;
        delete: operations["FilesController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/blobs/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["BlobIntegrityController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/licenses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LicensesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/licenses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LicensesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["LicensesController_update"];
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hf/api/whoami-v2": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HfController_whoami"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hf/api/models/{namespace}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HfController_modelInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hf/api/models/{namespace}/{name}/revision/{revision}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HfController_modelInfoAt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hf/api/models/{namespace}/{name}/tree/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HfController_tree"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hf/api/models/{namespace}/{name}/refs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HfController_refs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hf/api/models/{namespace}/{name}/commits/{revision}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HfController_commits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hf/api/models/{namespace}/{name}/paths-info/{revision}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["HfController_pathsInfo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hf/{namespace}/{name}/resolve/{revision}/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HfController_resolve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hf/{namespace}/{name}/raw/{revision}/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HfController_raw"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ImportsController_list"];
        put?: never;
        post: operations["ImportsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ImportsController_get"];
        put?: never;
        post?: never;
        delete: operations["ImportsController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ImportsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{namespace}/{name}/versions/{version}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReviewsController_list"];
        put?: never;
        post: operations["ReviewsController_review"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{namespace}/{name}/versions/{version}/deprecate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ReviewsController_deprecate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{namespace}/{name}/versions/{version}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ReviewsController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReviewsController_queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/licenses/{id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["LicenseCheckController_check"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{namespace}/{name}/license-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["LicenseCheckController_checkModel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PolicyController_get"];
        put: operations["PolicyController_set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{namespace}/{name}/versions/{version}/scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ScansController_get"];
        put?: never;
        post: operations["ScansController_rescan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{namespace}/{name}/versions/{version}/benchmarks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["BenchmarksController_list"];
        put?: never;
        post: operations["BenchmarksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{namespace}/{name}/versions/{version}/benchmarks/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["BenchmarksController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{namespace}/{name}/benchmarks/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["BenchmarksController_compare"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/benchmarks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["BenchmarksController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/benchmarks/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["BenchmarksController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WebhooksController_list"];
        put?: never;
        post: operations["WebhooksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WebhooksController_get"];
        put?: never;
        post?: never;
        delete: operations["WebhooksController_remove"];
        options?: never;
        head?: never;
        patch: operations["WebhooksController_update"];
        trace?: never;
    };
    "/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["WebhooksController_rotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WebhooksController_listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["WebhooksController_redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/signing-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SigningController_signingKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{namespace}/{name}/versions/{version}/signature": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SigningController_signature"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/trusted-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SigningController_trustedKeys"];
        put?: never;
        post: operations["SigningController_trust"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/trusted-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["SigningController_distrust"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["BundlesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["BundlesController_find"];
        put?: never;
        post?: never;
        delete: operations["BundlesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exports/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["BundlesController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports/bundle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["BundlesController_importBundle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{namespace}/{name}/versions/{version}/origin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["BundlesController_origin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    EventsController_list: {
        parameters: {
            query?: {
                /** @description Comma-separated event types: model.created, version.submitted, version.scanned, version.benchmarked, version.approved, version.rejected, version.deprecated, version.revoked, import.succeeded, import.failed */
                type?: string;
                subjectType?: "model" | "model_version" | "import";
                /** @description e.g. acme/tiny-bert@1.0 for a version, acme/tiny-bert for a model */
                subjectId?: string;
                namespace?: string;
                /** @description Events after this one: the nextCursor of the previous page, or 0 for the first event */
                cursor?: string;
                /** @description Page size, at most 100 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Domain events, oldest first; poll again with nextCursor for what comes after */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Stable event id (also the webhook-id of its deliveries) */
                            id: string;
                            /** @description Position in the feed: pass as cursor to read what came after */
                            seq: string;
                            /** @enum {string} */
                            type: "model.created" | "version.submitted" | "version.scanned" | "version.benchmarked" | "version.approved" | "version.rejected" | "version.deprecated" | "version.revoked" | "import.succeeded" | "import.failed";
                            at: string;
                            actor: {
                                id: string;
                                name: string;
                            };
                            subject: {
                                type: string;
                                id: string;
                            };
                            namespace: string | null;
                            /** @description Small and type-specific: never secrets or signed URLs */
                            payload: {
                                [key: string]: unknown;
                            };
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    EventsController_stream: {
        parameters: {
            query?: {
                /** @description Comma-separated event types: model.created, version.submitted, version.scanned, version.benchmarked, version.approved, version.rejected, version.deprecated, version.revoked, import.succeeded, import.failed */
                type?: string;
                subjectType?: "model" | "model_version" | "import";
                /** @description e.g. acme/tiny-bert@1.0 for a version, acme/tiny-bert for a model */
                subjectId?: string;
                namespace?: string;
                /** @description Events after this one: the nextCursor of the previous page, or 0 for the first event */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-sent events from now on, or after `cursor`: `id` is the seq (send Last-Event-ID to resume), `event` the type, `data` the event */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The API, its database and its weight storage are up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                        /** @enum {string} */
                        database: "ok";
                        /** @enum {string} */
                        storage: "ok";
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    MetricsController_scrape: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    KeysController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All keys, newest first, revoked ones included */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            role: "viewer" | "publisher" | "reviewer" | "admin";
                            /** @description First characters of the key */
                            prefix: string;
                            createdBy: string;
                            createdAt: string;
                            lastUsedAt: string | null;
                            revokedAt: string | null;
                            /** @description When the key stops working (personal keys); null: never */
                            expiresAt: string | null;
                            /** @description A personal key's owner: the key works only while the owner's role covers the key's */
                            owner: {
                                id: string;
                                name: string;
                            } | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    KeysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description What the key is for, e.g. "ci-downloads" */
                    name: string;
                    /** @enum {string} */
                    role: "viewer" | "publisher" | "reviewer" | "admin";
                };
            };
        };
        responses: {
            /** @description The new key; its secret is shown only in this response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        role: "viewer" | "publisher" | "reviewer" | "admin";
                        /** @description First characters of the key */
                        prefix: string;
                        createdBy: string;
                        createdAt: string;
                        lastUsedAt: string | null;
                        revokedAt: string | null;
                        /** @description When the key stops working (personal keys); null: never */
                        expiresAt: string | null;
                        /** @description A personal key's owner: the key works only while the owner's role covers the key's */
                        owner: {
                            id: string;
                            name: string;
                        } | null;
                        /** @description The key itself: shown once, never stored */
                        key: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    KeysController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked (or already revoked) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    KeysController_whoami: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actor: string;
                        /** @description The key's name, or the signed-in person's */
                        name: string;
                        /** @enum {string} */
                        role: "viewer" | "publisher" | "reviewer" | "admin";
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    PersonalKeysController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your keys, newest first, revoked and expired ones included */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            role: "viewer" | "publisher" | "reviewer" | "admin";
                            /** @description First characters of the key */
                            prefix: string;
                            createdBy: string;
                            createdAt: string;
                            lastUsedAt: string | null;
                            revokedAt: string | null;
                            /** @description When the key stops working (personal keys); null: never */
                            expiresAt: string | null;
                            /** @description A personal key's owner: the key works only while the owner's role covers the key's */
                            owner: {
                                id: string;
                                name: string;
                            } | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    PersonalKeysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description What the key is for, e.g. "laptop HF_TOKEN" */
                    name: string;
                    /**
                     * @description At most your own role (the default)
                     * @enum {string}
                     */
                    role?: "viewer" | "publisher" | "reviewer" | "admin";
                    /** @description Days until the key stops working; at most VETTED_PERSONAL_KEY_MAX_DAYS */
                    expiresInDays?: number;
                };
            };
        };
        responses: {
            /** @description The new key; its secret is shown only in this response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        role: "viewer" | "publisher" | "reviewer" | "admin";
                        /** @description First characters of the key */
                        prefix: string;
                        createdBy: string;
                        createdAt: string;
                        lastUsedAt: string | null;
                        revokedAt: string | null;
                        /** @description When the key stops working (personal keys); null: never */
                        expiresAt: string | null;
                        /** @description A personal key's owner: the key works only while the owner's role covers the key's */
                        owner: {
                            id: string;
                            name: string;
                        } | null;
                        /** @description The key itself: shown once, never stored */
                        key: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    PersonalKeysController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked (or already revoked) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    AuthSessionController_session: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How to sign in, and this browser's session (from its cookie) if it has one */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        signIn: {
                            /** @description Whether the web app offers sign-in with an API key (VETTED_WEB_KEY_SIGN_IN) */
                            keyForm: boolean;
                            /** @description The identity provider, when OpenID Connect is configured */
                            provider: {
                                /** @description VETTED_OIDC_DISPLAY_NAME */
                                name: string;
                                /** @description Where a sign-in starts */
                                url: string;
                            } | null;
                        };
                        /** @description This browser's session, when its cookie holds a live one */
                        session: {
                            actor: string;
                            name: string;
                            email: string | null;
                            /** @enum {string} */
                            role: "viewer" | "publisher" | "reviewer" | "admin";
                            /** @description Send as X-CSRF-Token with every state-changing request made with the session cookie */
                            csrfToken: string;
                            expiresAt: string;
                        } | null;
                        /**
                         * @description Why the session cookie this browser sent no longer works (it has been cleared)
                         * @enum {string|null}
                         */
                        ended: "expired" | "invalid" | "no_access" | null;
                    };
                };
            };
        };
    };
    AuthSessionController_signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out: the session is ended and its cookie cleared (a live session needs its X-CSRF-Token) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The identity provider's end-session page to send the browser to, if it has one */
                        endSessionUrl: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    OidcController_signIn: {
        parameters: {
            query?: {
                /** @description Where to go once signed in: a path on this site */
                returnTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the identity provider's sign-in page (or back to the web app with ?sign_in_error=<reason>) */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    OidcController_callback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed in: to the page the sign-in started from; refused: to the web app with ?sign_in_error=<reason> */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Everyone who has signed in, most recent sign-in first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @description How audit events and history name this person: user:<id> */
                            actor: string;
                            issuer: string;
                            /** @description The identity provider's id for the person (sub) */
                            subject: string;
                            name: string;
                            email: string | null;
                            /**
                             * @description From their groups at their last sign-in; null: no access
                             * @enum {string|null}
                             */
                            role: "viewer" | "publisher" | "reviewer" | "admin" | null;
                            createdAt: string;
                            lastSignInAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ModelsController_list: {
        parameters: {
            query?: {
                /** @description Full-text search over name, description and tags (prefix match per word) */
                q?: string;
                /** @description A license id from /v1/licenses (its Hugging Face tag) */
                license?: string;
                task?: string;
                tag?: string;
                /** @description Only models with a file of this format (e.g. safetensors, onnx, gguf) */
                format?: string;
                /** @description Only models whose license's commercial-use verdict is this */
                commercial?: "yes" | "conditional" | "no" | "unknown";
                minParameters?: number;
                maxParameters?: number;
                status?: "active" | "archived";
                /** @description recent: newest first; name: A→Z; size: most parameters first */
                sort?: "recent" | "name" | "size";
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                /** @description Page size, at most 100 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Models, newest first; viewers see only models with an approved version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description namespace/name */
                            id: string;
                            namespace: string;
                            name: string;
                            displayName: string | null;
                            description: string;
                            task: string | null;
                            library: string | null;
                            license: string | null;
                            tags: string[];
                            source: string;
                            /** @enum {string} */
                            status: "active" | "archived";
                            latestApprovedVersion: string | null;
                            /** @description Of the latest approved version (else the latest scanned one); null until scanned */
                            parameters: number | null;
                            /** @description Weight formats among its files: safetensors, onnx, gguf, pickle, npy */
                            formats: string[];
                            /** @description The license's commercial-use verdict: yes, conditional, no, unknown */
                            commercialUse: string | null;
                            /** @description Lowest p50 latency of any succeeded ONNX benchmark run */
                            bestLatencyMs: number | null;
                            /** @description Highest generation tokens per second of any succeeded GGUF benchmark run */
                            bestTokensPerSecond: number | null;
                            createdBy: string;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ModelsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Organisation or user, Hugging Face naming rules */
                    namespace: string;
                    /** @description Model name, Hugging Face naming rules */
                    name: string;
                    displayName?: string | null;
                    /** @default  */
                    description?: string;
                    task?: string | null;
                    library?: string | null;
                    tags?: string[];
                    /** @description A license id from /v1/licenses (its Hugging Face tag) */
                    license?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description namespace/name */
                        id: string;
                        namespace: string;
                        name: string;
                        displayName: string | null;
                        description: string;
                        task: string | null;
                        library: string | null;
                        license: string | null;
                        tags: string[];
                        source: string;
                        /** @enum {string} */
                        status: "active" | "archived";
                        latestApprovedVersion: string | null;
                        /** @description Of the latest approved version (else the latest scanned one); null until scanned */
                        parameters: number | null;
                        /** @description Weight formats among its files: safetensors, onnx, gguf, pickle, npy */
                        formats: string[];
                        /** @description The license's commercial-use verdict: yes, conditional, no, unknown */
                        commercialUse: string | null;
                        /** @description Lowest p50 latency of any succeeded ONNX benchmark run */
                        bestLatencyMs: number | null;
                        /** @description Highest generation tokens per second of any succeeded GGUF benchmark run */
                        bestTokensPerSecond: number | null;
                        createdBy: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ModelsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The model */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description namespace/name */
                        id: string;
                        namespace: string;
                        name: string;
                        displayName: string | null;
                        description: string;
                        task: string | null;
                        library: string | null;
                        license: string | null;
                        tags: string[];
                        source: string;
                        /** @enum {string} */
                        status: "active" | "archived";
                        latestApprovedVersion: string | null;
                        /** @description Of the latest approved version (else the latest scanned one); null until scanned */
                        parameters: number | null;
                        /** @description Weight formats among its files: safetensors, onnx, gguf, pickle, npy */
                        formats: string[];
                        /** @description The license's commercial-use verdict: yes, conditional, no, unknown */
                        commercialUse: string | null;
                        /** @description Lowest p50 latency of any succeeded ONNX benchmark run */
                        bestLatencyMs: number | null;
                        /** @description Highest generation tokens per second of any succeeded GGUF benchmark run */
                        bestTokensPerSecond: number | null;
                        createdBy: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ModelsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName?: string | null;
                    description?: string;
                    task?: string | null;
                    library?: string | null;
                    tags?: string[];
                    /** @description A license id from /v1/licenses (its Hugging Face tag) */
                    license?: string | null;
                };
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description namespace/name */
                        id: string;
                        namespace: string;
                        name: string;
                        displayName: string | null;
                        description: string;
                        task: string | null;
                        library: string | null;
                        license: string | null;
                        tags: string[];
                        source: string;
                        /** @enum {string} */
                        status: "active" | "archived";
                        latestApprovedVersion: string | null;
                        /** @description Of the latest approved version (else the latest scanned one); null until scanned */
                        parameters: number | null;
                        /** @description Weight formats among its files: safetensors, onnx, gguf, pickle, npy */
                        formats: string[];
                        /** @description The license's commercial-use verdict: yes, conditional, no, unknown */
                        commercialUse: string | null;
                        /** @description Lowest p50 latency of any succeeded ONNX benchmark run */
                        bestLatencyMs: number | null;
                        /** @description Highest generation tokens per second of any succeeded GGUF benchmark run */
                        bestTokensPerSecond: number | null;
                        createdBy: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ModelsController_archive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Archived: hidden from the default listing, still readable */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description namespace/name */
                        id: string;
                        namespace: string;
                        name: string;
                        displayName: string | null;
                        description: string;
                        task: string | null;
                        library: string | null;
                        license: string | null;
                        tags: string[];
                        source: string;
                        /** @enum {string} */
                        status: "active" | "archived";
                        latestApprovedVersion: string | null;
                        /** @description Of the latest approved version (else the latest scanned one); null until scanned */
                        parameters: number | null;
                        /** @description Weight formats among its files: safetensors, onnx, gguf, pickle, npy */
                        formats: string[];
                        /** @description The license's commercial-use verdict: yes, conditional, no, unknown */
                        commercialUse: string | null;
                        /** @description Lowest p50 latency of any succeeded ONNX benchmark run */
                        bestLatencyMs: number | null;
                        /** @description Highest generation tokens per second of any succeeded GGUF benchmark run */
                        bestTokensPerSecond: number | null;
                        createdBy: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ModelsController_unarchive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Active again */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description namespace/name */
                        id: string;
                        namespace: string;
                        name: string;
                        displayName: string | null;
                        description: string;
                        task: string | null;
                        library: string | null;
                        license: string | null;
                        tags: string[];
                        source: string;
                        /** @enum {string} */
                        status: "active" | "archived";
                        latestApprovedVersion: string | null;
                        /** @description Of the latest approved version (else the latest scanned one); null until scanned */
                        parameters: number | null;
                        /** @description Weight formats among its files: safetensors, onnx, gguf, pickle, npy */
                        formats: string[];
                        /** @description The license's commercial-use verdict: yes, conditional, no, unknown */
                        commercialUse: string | null;
                        /** @description Lowest p50 latency of any succeeded ONNX benchmark run */
                        bestLatencyMs: number | null;
                        /** @description Highest generation tokens per second of any succeeded GGUF benchmark run */
                        bestTokensPerSecond: number | null;
                        createdBy: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ModelsController_listVersions: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                /** @description Page size, at most 100 */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Versions, newest first; viewers see approved and deprecated ones only */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            version: string;
                            /** @description 40 hex: the Hub commit, or derived from the file manifest on submit */
                            commitSha: string | null;
                            /** @enum {string} */
                            status: "draft" | "pending_review" | "approved" | "rejected" | "deprecated" | "revoked";
                            license: string | null;
                            /** @description From the files: parameters, dtypes, architecture, context length, ONNX inputs/outputs, hardware fit, config */
                            facts: {
                                [key: string]: unknown;
                            };
                            /** @description Total parameters of the weight files; null until scanned */
                            parameters: number | null;
                            /** @description When the last scan finished; null while one is pending */
                            scannedAt: string | null;
                            /** @description Approved or deprecated: its files can be downloaded (a revoked version stays listed, without downloads) */
                            downloadable: boolean;
                            /** @description Why the status last changed, when someone said: the reject comment, the deprecate or revoke reason */
                            statusReason: string | null;
                            /** @description When a reviewer last changed the status (approved, rejected, deprecated, revoked) */
                            statusChangedAt: string | null;
                            statusChangedBy: string | null;
                            /** @description The name of the key that changed it */
                            statusChangedByName: string | null;
                            createdBy: string;
                            /** @description The name of the key that created the version (or the import's id) */
                            createdByName: string;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ModelsController_createVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Version label, unique within the model (e.g. "1.0", "2024-06-01") */
                    version: string;
                    /** @description This version's license, when it differs from the model's */
                    license?: string | null;
                };
            };
        };
        responses: {
            /** @description Created as a draft */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: string;
                        /** @description 40 hex: the Hub commit, or derived from the file manifest on submit */
                        commitSha: string | null;
                        /** @enum {string} */
                        status: "draft" | "pending_review" | "approved" | "rejected" | "deprecated" | "revoked";
                        license: string | null;
                        /** @description From the files: parameters, dtypes, architecture, context length, ONNX inputs/outputs, hardware fit, config */
                        facts: {
                            [key: string]: unknown;
                        };
                        /** @description Total parameters of the weight files; null until scanned */
                        parameters: number | null;
                        /** @description When the last scan finished; null while one is pending */
                        scannedAt: string | null;
                        /** @description Approved or deprecated: its files can be downloaded (a revoked version stays listed, without downloads) */
                        downloadable: boolean;
                        /** @description Why the status last changed, when someone said: the reject comment, the deprecate or revoke reason */
                        statusReason: string | null;
                        /** @description When a reviewer last changed the status (approved, rejected, deprecated, revoked) */
                        statusChangedAt: string | null;
                        statusChangedBy: string | null;
                        /** @description The name of the key that changed it */
                        statusChangedByName: string | null;
                        createdBy: string;
                        /** @description The name of the key that created the version (or the import's id) */
                        createdByName: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ModelsController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
                /** @description Version label */
                version: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Submitted for review: pending_review, files frozen, commitSha set */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: string;
                        /** @description 40 hex: the Hub commit, or derived from the file manifest on submit */
                        commitSha: string | null;
                        /** @enum {string} */
                        status: "draft" | "pending_review" | "approved" | "rejected" | "deprecated" | "revoked";
                        license: string | null;
                        /** @description From the files: parameters, dtypes, architecture, context length, ONNX inputs/outputs, hardware fit, config */
                        facts: {
                            [key: string]: unknown;
                        };
                        /** @description Total parameters of the weight files; null until scanned */
                        parameters: number | null;
                        /** @description When the last scan finished; null while one is pending */
                        scannedAt: string | null;
                        /** @description Approved or deprecated: its files can be downloaded (a revoked version stays listed, without downloads) */
                        downloadable: boolean;
                        /** @description Why the status last changed, when someone said: the reject comment, the deprecate or revoke reason */
                        statusReason: string | null;
                        /** @description When a reviewer last changed the status (approved, rejected, deprecated, revoked) */
                        statusChangedAt: string | null;
                        statusChangedBy: string | null;
                        /** @description The name of the key that changed it */
                        statusChangedByName: string | null;
                        createdBy: string;
                        /** @description The name of the key that created the version (or the import's id) */
                        createdByName: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /**
             * @description Problem details (RFC 9457)
             *
             *     Problem details (RFC 9457)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ModelsController_getVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
                /** @description Version label */
                version: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version with its model card */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: string;
                        /** @description 40 hex: the Hub commit, or derived from the file manifest on submit */
                        commitSha: string | null;
                        /** @enum {string} */
                        status: "draft" | "pending_review" | "approved" | "rejected" | "deprecated" | "revoked";
                        license: string | null;
                        /** @description From the files: parameters, dtypes, architecture, context length, ONNX inputs/outputs, hardware fit, config */
                        facts: {
                            [key: string]: unknown;
                        };
                        /** @description Total parameters of the weight files; null until scanned */
                        parameters: number | null;
                        /** @description When the last scan finished; null while one is pending */
                        scannedAt: string | null;
                        /** @description Approved or deprecated: its files can be downloaded (a revoked version stays listed, without downloads) */
                        downloadable: boolean;
                        /** @description Why the status last changed, when someone said: the reject comment, the deprecate or revoke reason */
                        statusReason: string | null;
                        /** @description When a reviewer last changed the status (approved, rejected, deprecated, revoked) */
                        statusChangedAt: string | null;
                        statusChangedBy: string | null;
                        /** @description The name of the key that changed it */
                        statusChangedByName: string | null;
                        createdBy: string;
                        /** @description The name of the key that created the version (or the import's id) */
                        createdByName: string;
                        createdAt: string;
                        updatedAt: string;
                        /** @description Model card: README text and its parsed front matter */
                        card: unknown;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ModelsController_deleteVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
                /** @description Version label */
                version: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The draft and its files are gone */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /**
             * @description Problem details (RFC 9457)
             *
             *     Problem details (RFC 9457)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ModelsController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
                /** @description Version label */
                version: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What happened to the version, oldest first: created, files, submitted, scanned, benchmarked, decided */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            at: string;
                            /** @description version.created, file.uploaded, file.deleted, version.submitted, import.succeeded, version.scanned, version.rescan_requested, benchmark.requested, benchmark.succeeded|failed|cancelled, version.approved|rejected, version.deprecated|revoked */
                            action: string;
                            actor: string;
                            /** @description The key's name (or worker, automatic, import …) */
                            actorName: string;
                            actorRole: string | null;
                            /** @description The file, for file events */
                            path: string | null;
                            /** @description The review comment, or the deprecate/revoke reason */
                            comment: string | null;
                            /** @description What the event recorded (digests, counts, commit sha, run id, error…) */
                            data: {
                                [key: string]: unknown;
                            };
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    FilesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
                /** @description Version label */
                version: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version's files by path */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            path: string;
                            /** @description Bytes */
                            size: number;
                            /** @description Hex digest; also the ETag of the download */
                            sha256: string;
                            /** @description safetensors, onnx, gguf, pickle, json, text or other */
                            format: string | null;
                            scan: {
                                /** @enum {string} */
                                status: "pending" | "clean" | "warning" | "critical" | "error";
                                findings: unknown[];
                            };
                            createdAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    FilesController_download: {
        parameters: {
            query?: {
                /** @description 1: answer 302 to a short-lived presigned URL (S3 storage only) */
                redirect?: "0" | "1" | "true" | "false";
            };
            header?: {
                /** @description One byte range, e.g. bytes=0-1023 */
                Range?: string;
            };
            path: {
                "*": string;
                /** @description File path inside the version, "/"-separated */
                path: unknown;
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
                /** @description Version label */
                version: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes; ETag is the sha256, Accept-Ranges: bytes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The requested range */
            206: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Redirect to a presigned URL (S3 storage, ?redirect=1 or VETTED_DOWNLOAD_REDIRECT) */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not modified (If-None-Match) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    FilesController_upload: {
        parameters: {
            query?: never;
            header?: {
                /** @description Expected sha256 (hex); a mismatch keeps nothing */
                "X-Checksum-Sha256"?: string;
            };
            path: {
                "*": string;
                /** @description File path inside the version, "/"-separated */
                path: unknown;
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
                /** @description Version label */
                version: unknown;
            };
            cookie?: never;
        };
        /** @description The file bytes, streamed */
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Stored (200 when it replaced the file at this path) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        path: string;
                        /** @description Bytes */
                        size: number;
                        /** @description Hex digest; also the ETag of the download */
                        sha256: string;
                        /** @description safetensors, onnx, gguf, pickle, json, text or other */
                        format: string | null;
                        scan: {
                            /** @enum {string} */
                            status: "pending" | "clean" | "warning" | "critical" | "error";
                            findings: unknown[];
                        };
                        createdAt: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /**
             * @description Problem details (RFC 9457)
             *
             *     Problem details (RFC 9457)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    FilesController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                "*": string;
                /** @description File path inside the version, "/"-separated */
                path: unknown;
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
                /** @description Version label */
                version: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted from the draft */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /**
             * @description Problem details (RFC 9457)
             *
             *     Problem details (RFC 9457)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    BlobIntegrityController_verify: {
        parameters: {
            query?: {
                /** @description Also re-read every object and compare its sha256 (slow) */
                rehash?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every recorded blob checked against storage */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checked: number;
                        rehashed: boolean;
                        missing: {
                            sha256: string;
                            storageKey: string;
                        }[];
                        corrupt: {
                            sha256: string;
                            storageKey: string;
                            problem: string;
                        }[];
                        unreferenced: string[];
                        /** @description Writes abandoned by a process that died mid-upload; removed at start and every hour */
                        staleUploads: {
                            /** @description null where the store cannot list them */
                            count: number | null;
                            /** @description null where the store cannot tell (S3) */
                            bytes: number | null;
                        };
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    LicensesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The license catalog, by id */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description The Hugging Face license tag */
                            id: string;
                            spdxId: string | null;
                            name: string;
                            url: string | null;
                            terms: {
                                /** @enum {string} */
                                commercialUse: "yes" | "no" | "conditional" | "unknown";
                                summary: string;
                                gated: boolean;
                            } & {
                                [key: string]: unknown;
                            };
                            sourceUrl: string | null;
                            reviewedAt: string | null;
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    LicensesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One license */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The Hugging Face license tag */
                        id: string;
                        spdxId: string | null;
                        name: string;
                        url: string | null;
                        terms: {
                            /** @enum {string} */
                            commercialUse: "yes" | "no" | "conditional" | "unknown";
                            summary: string;
                            gated: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                        sourceUrl: string | null;
                        reviewedAt: string | null;
                        updatedAt: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    LicensesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    spdxId?: string | null;
                    /** Format: uri */
                    url?: string | null;
                    terms?: {
                        /** @enum {string} */
                        commercialUse: "yes" | "no" | "conditional" | "unknown";
                        summary: string;
                        gated: boolean;
                        obligations?: string[];
                        userThreshold?: {
                            monthlyActiveUsers: number;
                            measured: string;
                        };
                        revenueThreshold?: {
                            annualRevenueUsd: number;
                            measured: string;
                        };
                        /** @enum {string} */
                        outputTraining?: "allowed" | "prohibited" | "with_obligations" | "derivative" | "unknown";
                        outputTrainingNote?: string;
                        flowDown?: string;
                        hostingIsDistribution?: boolean;
                        shareAlike?: boolean;
                        euMultimodalExclusion?: boolean;
                        usePolicy?: string;
                    };
                    /**
                     * Format: uri
                     * @description Where the terms were read
                     */
                    sourceUrl?: string | null;
                    /**
                     * Format: date
                     * @description When a person last checked the terms against the source
                     */
                    reviewedAt?: string | null;
                };
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The Hugging Face license tag */
                        id: string;
                        spdxId: string | null;
                        name: string;
                        url: string | null;
                        terms: {
                            /** @enum {string} */
                            commercialUse: "yes" | "no" | "conditional" | "unknown";
                            summary: string;
                            gated: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                        sourceUrl: string | null;
                        reviewedAt: string | null;
                        updatedAt: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                subjectType?: string;
                subjectId?: string;
                action?: string;
                /** @description e.g. key:<id>, admin-token, worker, import:<id> */
                actor?: string;
                /** @description Events at or after this time */
                from?: string;
                /** @description Events before this time */
                to?: string;
                cursor?: string;
                /** @description Page size, at most 100 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Audit events, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            at: string;
                            actor: string;
                            /** @description The key's name (or worker, automatic, import …) */
                            actorName: string;
                            actorRole: string | null;
                            action: string;
                            subjectType: string;
                            subjectId: string;
                            data: unknown;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    HfController_whoami: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or unknown key (X-Error-Code: RepoNotFound) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description X-Error-Code: RepoNotFound, RevisionNotFound or EntryNotFound */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HfController_modelInfo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or unknown key (X-Error-Code: RepoNotFound) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description X-Error-Code: RepoNotFound, RevisionNotFound or EntryNotFound */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HfController_modelInfoAt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: string;
                name: string;
                revision: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or unknown key (X-Error-Code: RepoNotFound) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description X-Error-Code: RepoNotFound, RevisionNotFound or EntryNotFound */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HfController_tree: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: string;
                name: string;
                "*": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or unknown key (X-Error-Code: RepoNotFound) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description X-Error-Code: RepoNotFound, RevisionNotFound or EntryNotFound */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HfController_refs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or unknown key (X-Error-Code: RepoNotFound) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description X-Error-Code: RepoNotFound, RevisionNotFound or EntryNotFound */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HfController_commits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: string;
                name: string;
                revision: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or unknown key (X-Error-Code: RepoNotFound) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description X-Error-Code: RepoNotFound, RevisionNotFound or EntryNotFound */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HfController_pathsInfo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: string;
                name: string;
                revision: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or unknown key (X-Error-Code: RepoNotFound) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description X-Error-Code: RepoNotFound, RevisionNotFound or EntryNotFound */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HfController_resolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: string;
                name: string;
                revision: string;
                "*": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or unknown key (X-Error-Code: RepoNotFound) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description X-Error-Code: RepoNotFound, RevisionNotFound or EntryNotFound */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HfController_raw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: string;
                name: string;
                revision: string;
                "*": string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or unknown key (X-Error-Code: RepoNotFound) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description X-Error-Code: RepoNotFound, RevisionNotFound or EntryNotFound */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ImportsController_list: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                /** @description Page size, at most 100 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Imports, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            repo: string;
                            revision: string;
                            commitSha: string | null;
                            namespace: string;
                            name: string;
                            version: string | null;
                            include: string[];
                            exclude: string[];
                            /** @enum {string} */
                            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                            bytesDone: number;
                            bytesTotal: number | null;
                            files: {
                                path: string;
                                size: number;
                                bytesDone: number;
                                /** @enum {string} */
                                status: "pending" | "downloading" | "stored" | "skipped" | "failed";
                            }[];
                            error: string | null;
                            /**
                             * @description Why it failed or stopped (network, not_found, gated, checksum…); null while it has not
                             * @enum {string|null}
                             */
                            errorKind: "network" | "not_found" | "gated" | "unauthorized" | "checksum" | "too_large" | "unsafe_path" | "empty" | "conflict" | "cancelled" | "unexpected" | null;
                            createdBy: string;
                            /** @description The name of the key that started the import */
                            createdByName: string;
                            createdAt: string;
                            updatedAt: string;
                            finishedAt: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ImportsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Hub repository id, e.g. "google-bert/bert-base-uncased" */
                    repo: string;
                    /** @default main */
                    revision?: string;
                    /** @description Vetted namespace; the Hub namespace by default */
                    namespace?: string;
                    /** @description Vetted model name; the Hub name by default */
                    name?: string;
                    /** @description Version label; the resolved commit sha by default */
                    version?: string;
                    /**
                     * @description Only files matching one of these globs
                     * @default []
                     */
                    include?: string[];
                    /**
                     * @description Skip files matching one of these globs
                     * @default []
                     */
                    exclude?: string[];
                };
            };
        };
        responses: {
            /** @description Queued; follow it with GET /v1/imports/{id} */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        repo: string;
                        revision: string;
                        commitSha: string | null;
                        namespace: string;
                        name: string;
                        version: string | null;
                        include: string[];
                        exclude: string[];
                        /** @enum {string} */
                        status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                        bytesDone: number;
                        bytesTotal: number | null;
                        files: {
                            path: string;
                            size: number;
                            bytesDone: number;
                            /** @enum {string} */
                            status: "pending" | "downloading" | "stored" | "skipped" | "failed";
                        }[];
                        error: string | null;
                        /**
                         * @description Why it failed or stopped (network, not_found, gated, checksum…); null while it has not
                         * @enum {string|null}
                         */
                        errorKind: "network" | "not_found" | "gated" | "unauthorized" | "checksum" | "too_large" | "unsafe_path" | "empty" | "conflict" | "cancelled" | "unexpected" | null;
                        createdBy: string;
                        /** @description The name of the key that started the import */
                        createdByName: string;
                        createdAt: string;
                        updatedAt: string;
                        finishedAt: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ImportsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Status, bytes done and total, per-file progress, error */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        repo: string;
                        revision: string;
                        commitSha: string | null;
                        namespace: string;
                        name: string;
                        version: string | null;
                        include: string[];
                        exclude: string[];
                        /** @enum {string} */
                        status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                        bytesDone: number;
                        bytesTotal: number | null;
                        files: {
                            path: string;
                            size: number;
                            bytesDone: number;
                            /** @enum {string} */
                            status: "pending" | "downloading" | "stored" | "skipped" | "failed";
                        }[];
                        error: string | null;
                        /**
                         * @description Why it failed or stopped (network, not_found, gated, checksum…); null while it has not
                         * @enum {string|null}
                         */
                        errorKind: "network" | "not_found" | "gated" | "unauthorized" | "checksum" | "too_large" | "unsafe_path" | "empty" | "conflict" | "cancelled" | "unexpected" | null;
                        createdBy: string;
                        /** @description The name of the key that started the import */
                        createdByName: string;
                        createdAt: string;
                        updatedAt: string;
                        finishedAt: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ImportsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed from the list (failed or cancelled imports, by their starter or an admin) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /**
             * @description Problem details (RFC 9457)
             *
             *     Problem details (RFC 9457)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ImportsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        repo: string;
                        revision: string;
                        commitSha: string | null;
                        namespace: string;
                        name: string;
                        version: string | null;
                        include: string[];
                        exclude: string[];
                        /** @enum {string} */
                        status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                        bytesDone: number;
                        bytesTotal: number | null;
                        files: {
                            path: string;
                            size: number;
                            bytesDone: number;
                            /** @enum {string} */
                            status: "pending" | "downloading" | "stored" | "skipped" | "failed";
                        }[];
                        error: string | null;
                        /**
                         * @description Why it failed or stopped (network, not_found, gated, checksum…); null while it has not
                         * @enum {string|null}
                         */
                        errorKind: "network" | "not_found" | "gated" | "unauthorized" | "checksum" | "too_large" | "unsafe_path" | "empty" | "conflict" | "cancelled" | "unexpected" | null;
                        createdBy: string;
                        /** @description The name of the key that started the import */
                        createdByName: string;
                        createdAt: string;
                        updatedAt: string;
                        finishedAt: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ReviewsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
                /** @description Version label */
                version: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reviews of this version, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            version: string;
                            reviewer: string;
                            reviewerName: string;
                            reviewerRole: string | null;
                            /** @enum {string} */
                            decision: "approved" | "rejected";
                            comment: string;
                            overrideReason: string | null;
                            evidence: {
                                license: {
                                    id: string | null;
                                    commercialUse: string;
                                    summary: string | null;
                                };
                                /** @description The model card the version carries: where it came from, the license it declares, its findings */
                                card?: {
                                    source: string | null;
                                    license: string | null;
                                    findings: {
                                        /** @description The file (or README.md for card findings) */
                                        path: string;
                                        /** @enum {string} */
                                        severity: "info" | "warning" | "critical";
                                        code: string;
                                        message: string;
                                    }[];
                                };
                                scan: {
                                    pending: number;
                                    clean: number;
                                    warning: number;
                                    critical: number;
                                    error: number;
                                };
                                /** @description Files whose scan found something critical or could not finish, with their findings */
                                criticalFindings: {
                                    path: string;
                                    /** @enum {string} */
                                    status: "critical" | "error";
                                    findings: unknown;
                                }[];
                                /** @description Every scan and card finding, by severity */
                                findings?: {
                                    critical: {
                                        /** @description The file (or README.md for card findings) */
                                        path: string;
                                        /** @enum {string} */
                                        severity: "info" | "warning" | "critical";
                                        code: string;
                                        message: string;
                                    }[];
                                    warning: {
                                        /** @description The file (or README.md for card findings) */
                                        path: string;
                                        /** @enum {string} */
                                        severity: "info" | "warning" | "critical";
                                        code: string;
                                        message: string;
                                    }[];
                                    info: {
                                        /** @description The file (or README.md for card findings) */
                                        path: string;
                                        /** @enum {string} */
                                        severity: "info" | "warning" | "critical";
                                        code: string;
                                        message: string;
                                    }[];
                                };
                                manifest: {
                                    commitSha: string | null;
                                    files: number;
                                    bytes: number;
                                };
                                /** @description Everyone who created, changed or submitted the version: none of them may approve it */
                                contributors?: {
                                    actor: string;
                                    name: string;
                                    role: string | null;
                                    /** @description created, uploaded, deleted, submitted, imported */
                                    actions: string[];
                                }[];
                                /** @description Ids of the succeeded benchmark runs of this version */
                                benchmarks: string[];
                                /** @description Every benchmark run of the version, failed and cancelled ones too */
                                benchmarkRuns?: {
                                    id: string;
                                    file: string;
                                    /** @enum {string} */
                                    status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                                    requestedBy: string;
                                    requestedByName: string;
                                    executionProvider: string | null;
                                    hardware: string | null;
                                    p50Ms: number | null;
                                    /** @description Outputs checked against reference tensors */
                                    reference: {
                                        passed: boolean;
                                        maxAbsError: number;
                                    } | null;
                                    findings: {
                                        severity: string;
                                        code: string;
                                        message: string;
                                    }[];
                                    /** @description The input shapes, dtypes and fills the run used, when the runner recorded them */
                                    inputs: unknown;
                                    error: string | null;
                                    finishedAt: string | null;
                                }[];
                                /** @description What changed since the previous approved version; null for the first */
                                diff?: {
                                    /** @description The previous approved (or deprecated) version of the same model */
                                    base: string;
                                    files: {
                                        added: {
                                            path: string;
                                            size: number;
                                            sha256: string;
                                        }[];
                                        removed: {
                                            path: string;
                                            size: number;
                                            sha256: string;
                                        }[];
                                        changed: {
                                            path: string;
                                            before: {
                                                path: string;
                                                size: number;
                                                sha256: string;
                                            };
                                            after: {
                                                path: string;
                                                size: number;
                                                sha256: string;
                                            };
                                        }[];
                                        unchanged: number;
                                    };
                                    /** @description Facts read from the files that differ */
                                    facts: {
                                        fact: string;
                                        before: unknown;
                                        after: unknown;
                                    }[];
                                    /** @description Null when the license is the same */
                                    license: {
                                        before: string | null;
                                        after: string | null;
                                    } | null;
                                    /** @description Scan and card findings the base version did not have */
                                    newFindings: {
                                        /** @description The file (or README.md for card findings) */
                                        path: string;
                                        /** @enum {string} */
                                        severity: "info" | "warning" | "critical";
                                        code: string;
                                        message: string;
                                    }[];
                                    /** @description p50 of the latest succeeded runs on the same hardware, provider and settings */
                                    benchmarks: {
                                        file: string;
                                        executionProvider: string;
                                        hardware: string;
                                        baseP50Ms: number;
                                        headP50Ms: number;
                                        /** @description base p50 / head p50: above 1 is faster */
                                        speedup: number;
                                    }[];
                                } | null;
                                /** @description What the exporting site found, as its bundle carried it; everything else in this evidence is this site's own */
                                origin?: {
                                    /** @description The exporting site's key fingerprint */
                                    site: string;
                                    /** @description Whether this site trusted that key at import (the version then landed approved) */
                                    trusted: boolean;
                                    importedAt: string;
                                    /** @description The exporting site's scan: files per status */
                                    scan: {
                                        pending: number;
                                        clean: number;
                                        warning: number;
                                        critical: number;
                                        error: number;
                                    };
                                    /** @description Files the exporting site found critical or could not scan */
                                    criticalFindings: {
                                        path: string;
                                        /** @enum {string} */
                                        status: "critical" | "error";
                                        findings: unknown;
                                    }[];
                                    /** @description The exporting site's succeeded benchmark runs */
                                    benchmarkRuns: {
                                        file: string;
                                        executionProvider: string | null;
                                        hardware: string | null;
                                        p50Ms: number | null;
                                        finishedAt: string | null;
                                    }[];
                                } | null;
                                /** @description Why approval would be refused right now */
                                blockers: string[];
                                /** @description The blockers an admin may override with overrideReason (critical or failed scans); the rest cannot be */
                                overridable: string[];
                            };
                            createdAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ReviewsController_review: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
                /** @description Version label */
                version: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    decision: "approve" | "reject";
                    /** @description What the reviewer looked at and why they decided so */
                    comment: string;
                    /** @description Admins only: why they approve a version they published themselves, or one with critical scan findings */
                    overrideReason?: string;
                };
            };
        };
        responses: {
            /** @description Decided: the version is approved or rejected, the evidence recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        version: string;
                        reviewer: string;
                        reviewerName: string;
                        reviewerRole: string | null;
                        /** @enum {string} */
                        decision: "approved" | "rejected";
                        comment: string;
                        overrideReason: string | null;
                        evidence: {
                            license: {
                                id: string | null;
                                commercialUse: string;
                                summary: string | null;
                            };
                            /** @description The model card the version carries: where it came from, the license it declares, its findings */
                            card?: {
                                source: string | null;
                                license: string | null;
                                findings: {
                                    /** @description The file (or README.md for card findings) */
                                    path: string;
                                    /** @enum {string} */
                                    severity: "info" | "warning" | "critical";
                                    code: string;
                                    message: string;
                                }[];
                            };
                            scan: {
                                pending: number;
                                clean: number;
                                warning: number;
                                critical: number;
                                error: number;
                            };
                            /** @description Files whose scan found something critical or could not finish, with their findings */
                            criticalFindings: {
                                path: string;
                                /** @enum {string} */
                                status: "critical" | "error";
                                findings: unknown;
                            }[];
                            /** @description Every scan and card finding, by severity */
                            findings?: {
                                critical: {
                                    /** @description The file (or README.md for card findings) */
                                    path: string;
                                    /** @enum {string} */
                                    severity: "info" | "warning" | "critical";
                                    code: string;
                                    message: string;
                                }[];
                                warning: {
                                    /** @description The file (or README.md for card findings) */
                                    path: string;
                                    /** @enum {string} */
                                    severity: "info" | "warning" | "critical";
                                    code: string;
                                    message: string;
                                }[];
                                info: {
                                    /** @description The file (or README.md for card findings) */
                                    path: string;
                                    /** @enum {string} */
                                    severity: "info" | "warning" | "critical";
                                    code: string;
                                    message: string;
                                }[];
                            };
                            manifest: {
                                commitSha: string | null;
                                files: number;
                                bytes: number;
                            };
                            /** @description Everyone who created, changed or submitted the version: none of them may approve it */
                            contributors?: {
                                actor: string;
                                name: string;
                                role: string | null;
                                /** @description created, uploaded, deleted, submitted, imported */
                                actions: string[];
                            }[];
                            /** @description Ids of the succeeded benchmark runs of this version */
                            benchmarks: string[];
                            /** @description Every benchmark run of the version, failed and cancelled ones too */
                            benchmarkRuns?: {
                                id: string;
                                file: string;
                                /** @enum {string} */
                                status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                                requestedBy: string;
                                requestedByName: string;
                                executionProvider: string | null;
                                hardware: string | null;
                                p50Ms: number | null;
                                /** @description Outputs checked against reference tensors */
                                reference: {
                                    passed: boolean;
                                    maxAbsError: number;
                                } | null;
                                findings: {
                                    severity: string;
                                    code: string;
                                    message: string;
                                }[];
                                /** @description The input shapes, dtypes and fills the run used, when the runner recorded them */
                                inputs: unknown;
                                error: string | null;
                                finishedAt: string | null;
                            }[];
                            /** @description What changed since the previous approved version; null for the first */
                            diff?: {
                                /** @description The previous approved (or deprecated) version of the same model */
                                base: string;
                                files: {
                                    added: {
                                        path: string;
                                        size: number;
                                        sha256: string;
                                    }[];
                                    removed: {
                                        path: string;
                                        size: number;
                                        sha256: string;
                                    }[];
                                    changed: {
                                        path: string;
                                        before: {
                                            path: string;
                                            size: number;
                                            sha256: string;
                                        };
                                        after: {
                                            path: string;
                                            size: number;
                                            sha256: string;
                                        };
                                    }[];
                                    unchanged: number;
                                };
                                /** @description Facts read from the files that differ */
                                facts: {
                                    fact: string;
                                    before: unknown;
                                    after: unknown;
                                }[];
                                /** @description Null when the license is the same */
                                license: {
                                    before: string | null;
                                    after: string | null;
                                } | null;
                                /** @description Scan and card findings the base version did not have */
                                newFindings: {
                                    /** @description The file (or README.md for card findings) */
                                    path: string;
                                    /** @enum {string} */
                                    severity: "info" | "warning" | "critical";
                                    code: string;
                                    message: string;
                                }[];
                                /** @description p50 of the latest succeeded runs on the same hardware, provider and settings */
                                benchmarks: {
                                    file: string;
                                    executionProvider: string;
                                    hardware: string;
                                    baseP50Ms: number;
                                    headP50Ms: number;
                                    /** @description base p50 / head p50: above 1 is faster */
                                    speedup: number;
                                }[];
                            } | null;
                            /** @description What the exporting site found, as its bundle carried it; everything else in this evidence is this site's own */
                            origin?: {
                                /** @description The exporting site's key fingerprint */
                                site: string;
                                /** @description Whether this site trusted that key at import (the version then landed approved) */
                                trusted: boolean;
                                importedAt: string;
                                /** @description The exporting site's scan: files per status */
                                scan: {
                                    pending: number;
                                    clean: number;
                                    warning: number;
                                    critical: number;
                                    error: number;
                                };
                                /** @description Files the exporting site found critical or could not scan */
                                criticalFindings: {
                                    path: string;
                                    /** @enum {string} */
                                    status: "critical" | "error";
                                    findings: unknown;
                                }[];
                                /** @description The exporting site's succeeded benchmark runs */
                                benchmarkRuns: {
                                    file: string;
                                    executionProvider: string | null;
                                    hardware: string | null;
                                    p50Ms: number | null;
                                    finishedAt: string | null;
                                }[];
                            } | null;
                            /** @description Why approval would be refused right now */
                            blockers: string[];
                            /** @description The blockers an admin may override with overrideReason (critical or failed scans); the rest cannot be */
                            overridable: string[];
                        };
                        createdAt: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ReviewsController_deprecate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
                /** @description Version label */
                version: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Deprecated: still downloadable, flagged */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: string;
                        /** @description 40 hex: the Hub commit, or derived from the file manifest on submit */
                        commitSha: string | null;
                        /** @enum {string} */
                        status: "draft" | "pending_review" | "approved" | "rejected" | "deprecated" | "revoked";
                        license: string | null;
                        /** @description From the files: parameters, dtypes, architecture, context length, ONNX inputs/outputs, hardware fit, config */
                        facts: {
                            [key: string]: unknown;
                        };
                        /** @description Total parameters of the weight files; null until scanned */
                        parameters: number | null;
                        /** @description When the last scan finished; null while one is pending */
                        scannedAt: string | null;
                        /** @description Approved or deprecated: its files can be downloaded (a revoked version stays listed, without downloads) */
                        downloadable: boolean;
                        /** @description Why the status last changed, when someone said: the reject comment, the deprecate or revoke reason */
                        statusReason: string | null;
                        /** @description When a reviewer last changed the status (approved, rejected, deprecated, revoked) */
                        statusChangedAt: string | null;
                        statusChangedBy: string | null;
                        /** @description The name of the key that changed it */
                        statusChangedByName: string | null;
                        createdBy: string;
                        /** @description The name of the key that created the version (or the import's id) */
                        createdByName: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ReviewsController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
                /** @description Version label */
                version: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Revoked: no longer downloadable anywhere, /hf included */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: string;
                        /** @description 40 hex: the Hub commit, or derived from the file manifest on submit */
                        commitSha: string | null;
                        /** @enum {string} */
                        status: "draft" | "pending_review" | "approved" | "rejected" | "deprecated" | "revoked";
                        license: string | null;
                        /** @description From the files: parameters, dtypes, architecture, context length, ONNX inputs/outputs, hardware fit, config */
                        facts: {
                            [key: string]: unknown;
                        };
                        /** @description Total parameters of the weight files; null until scanned */
                        parameters: number | null;
                        /** @description When the last scan finished; null while one is pending */
                        scannedAt: string | null;
                        /** @description Approved or deprecated: its files can be downloaded (a revoked version stays listed, without downloads) */
                        downloadable: boolean;
                        /** @description Why the status last changed, when someone said: the reject comment, the deprecate or revoke reason */
                        statusReason: string | null;
                        /** @description When a reviewer last changed the status (approved, rejected, deprecated, revoked) */
                        statusChangedAt: string | null;
                        statusChangedBy: string | null;
                        /** @description The name of the key that changed it */
                        statusChangedByName: string | null;
                        createdBy: string;
                        /** @description The name of the key that created the version (or the import's id) */
                        createdByName: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ReviewsController_queue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Versions waiting for review, oldest first, with their evidence */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            model: string;
                            version: string;
                            publishedBy: string;
                            publishedByName: string;
                            submittedAt: string;
                            evidence: {
                                license: {
                                    id: string | null;
                                    commercialUse: string;
                                    summary: string | null;
                                };
                                /** @description The model card the version carries: where it came from, the license it declares, its findings */
                                card?: {
                                    source: string | null;
                                    license: string | null;
                                    findings: {
                                        /** @description The file (or README.md for card findings) */
                                        path: string;
                                        /** @enum {string} */
                                        severity: "info" | "warning" | "critical";
                                        code: string;
                                        message: string;
                                    }[];
                                };
                                scan: {
                                    pending: number;
                                    clean: number;
                                    warning: number;
                                    critical: number;
                                    error: number;
                                };
                                /** @description Files whose scan found something critical or could not finish, with their findings */
                                criticalFindings: {
                                    path: string;
                                    /** @enum {string} */
                                    status: "critical" | "error";
                                    findings: unknown;
                                }[];
                                /** @description Every scan and card finding, by severity */
                                findings?: {
                                    critical: {
                                        /** @description The file (or README.md for card findings) */
                                        path: string;
                                        /** @enum {string} */
                                        severity: "info" | "warning" | "critical";
                                        code: string;
                                        message: string;
                                    }[];
                                    warning: {
                                        /** @description The file (or README.md for card findings) */
                                        path: string;
                                        /** @enum {string} */
                                        severity: "info" | "warning" | "critical";
                                        code: string;
                                        message: string;
                                    }[];
                                    info: {
                                        /** @description The file (or README.md for card findings) */
                                        path: string;
                                        /** @enum {string} */
                                        severity: "info" | "warning" | "critical";
                                        code: string;
                                        message: string;
                                    }[];
                                };
                                manifest: {
                                    commitSha: string | null;
                                    files: number;
                                    bytes: number;
                                };
                                /** @description Everyone who created, changed or submitted the version: none of them may approve it */
                                contributors?: {
                                    actor: string;
                                    name: string;
                                    role: string | null;
                                    /** @description created, uploaded, deleted, submitted, imported */
                                    actions: string[];
                                }[];
                                /** @description Ids of the succeeded benchmark runs of this version */
                                benchmarks: string[];
                                /** @description Every benchmark run of the version, failed and cancelled ones too */
                                benchmarkRuns?: {
                                    id: string;
                                    file: string;
                                    /** @enum {string} */
                                    status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                                    requestedBy: string;
                                    requestedByName: string;
                                    executionProvider: string | null;
                                    hardware: string | null;
                                    p50Ms: number | null;
                                    /** @description Outputs checked against reference tensors */
                                    reference: {
                                        passed: boolean;
                                        maxAbsError: number;
                                    } | null;
                                    findings: {
                                        severity: string;
                                        code: string;
                                        message: string;
                                    }[];
                                    /** @description The input shapes, dtypes and fills the run used, when the runner recorded them */
                                    inputs: unknown;
                                    error: string | null;
                                    finishedAt: string | null;
                                }[];
                                /** @description What changed since the previous approved version; null for the first */
                                diff?: {
                                    /** @description The previous approved (or deprecated) version of the same model */
                                    base: string;
                                    files: {
                                        added: {
                                            path: string;
                                            size: number;
                                            sha256: string;
                                        }[];
                                        removed: {
                                            path: string;
                                            size: number;
                                            sha256: string;
                                        }[];
                                        changed: {
                                            path: string;
                                            before: {
                                                path: string;
                                                size: number;
                                                sha256: string;
                                            };
                                            after: {
                                                path: string;
                                                size: number;
                                                sha256: string;
                                            };
                                        }[];
                                        unchanged: number;
                                    };
                                    /** @description Facts read from the files that differ */
                                    facts: {
                                        fact: string;
                                        before: unknown;
                                        after: unknown;
                                    }[];
                                    /** @description Null when the license is the same */
                                    license: {
                                        before: string | null;
                                        after: string | null;
                                    } | null;
                                    /** @description Scan and card findings the base version did not have */
                                    newFindings: {
                                        /** @description The file (or README.md for card findings) */
                                        path: string;
                                        /** @enum {string} */
                                        severity: "info" | "warning" | "critical";
                                        code: string;
                                        message: string;
                                    }[];
                                    /** @description p50 of the latest succeeded runs on the same hardware, provider and settings */
                                    benchmarks: {
                                        file: string;
                                        executionProvider: string;
                                        hardware: string;
                                        baseP50Ms: number;
                                        headP50Ms: number;
                                        /** @description base p50 / head p50: above 1 is faster */
                                        speedup: number;
                                    }[];
                                } | null;
                                /** @description What the exporting site found, as its bundle carried it; everything else in this evidence is this site's own */
                                origin?: {
                                    /** @description The exporting site's key fingerprint */
                                    site: string;
                                    /** @description Whether this site trusted that key at import (the version then landed approved) */
                                    trusted: boolean;
                                    importedAt: string;
                                    /** @description The exporting site's scan: files per status */
                                    scan: {
                                        pending: number;
                                        clean: number;
                                        warning: number;
                                        critical: number;
                                        error: number;
                                    };
                                    /** @description Files the exporting site found critical or could not scan */
                                    criticalFindings: {
                                        path: string;
                                        /** @enum {string} */
                                        status: "critical" | "error";
                                        findings: unknown;
                                    }[];
                                    /** @description The exporting site's succeeded benchmark runs */
                                    benchmarkRuns: {
                                        file: string;
                                        executionProvider: string | null;
                                        hardware: string | null;
                                        p50Ms: number | null;
                                        finishedAt: string | null;
                                    }[];
                                } | null;
                                /** @description Why approval would be refused right now */
                                blockers: string[];
                                /** @description The blockers an admin may override with overrideReason (critical or failed scans); the rest cannot be */
                                overridable: string[];
                            };
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    LicenseCheckController_check: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    commercial: boolean;
                    monthlyActiveUsers?: number;
                    annualRevenueUsd?: number;
                    /** @enum {string} */
                    distribution: "none" | "internal" | "external" | "hosted-service";
                    /** @default false */
                    modifications?: boolean;
                    /** @default false */
                    trainOtherModelsOnOutputs?: boolean;
                    region?: string;
                    /** @description For a model check, derived from its task when left out */
                    multimodal?: boolean;
                };
            };
        };
        responses: {
            /** @description Verdict with the terms it rests on (decision support, not legal advice) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        license: string;
                        /** @enum {string} */
                        verdict: "allowed" | "allowed_with_obligations" | "needs_review" | "not_allowed";
                        reasons: {
                            term: string;
                            explanation: string;
                            source: string | null;
                        }[];
                        obligations: string[];
                        disclaimer: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    LicenseCheckController_checkModel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    commercial: boolean;
                    monthlyActiveUsers?: number;
                    annualRevenueUsd?: number;
                    /** @enum {string} */
                    distribution: "none" | "internal" | "external" | "hosted-service";
                    /** @default false */
                    modifications?: boolean;
                    /** @default false */
                    trainOtherModelsOnOutputs?: boolean;
                    region?: string;
                    /** @description For a model check, derived from its task when left out */
                    multimodal?: boolean;
                };
            };
        };
        responses: {
            /** @description Verdict for this model */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        license: string;
                        /** @enum {string} */
                        verdict: "allowed" | "allowed_with_obligations" | "needs_review" | "not_allowed";
                        reasons: {
                            term: string;
                            explanation: string;
                            source: string | null;
                        }[];
                        obligations: string[];
                        disclaimer: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    PolicyController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The approval rules in force */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description When not empty, only these licenses can be approved
                         * @default []
                         */
                        allowedLicenses: string[];
                        /**
                         * @description These licenses can never be approved
                         * @default []
                         */
                        blockedLicenses: string[];
                        /**
                         * @description Refuse licenses that forbid commercial use
                         * @default false
                         */
                        noNonCommercial: boolean;
                        /**
                         * @description Refuse approval without a successful benchmark
                         * @default false
                         */
                        benchmarkRequired: boolean;
                        updatedBy: string | null;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    PolicyController_set: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description When not empty, only these licenses can be approved
                     * @default []
                     */
                    allowedLicenses?: string[];
                    /**
                     * @description These licenses can never be approved
                     * @default []
                     */
                    blockedLicenses?: string[];
                    /**
                     * @description Refuse licenses that forbid commercial use
                     * @default false
                     */
                    noNonCommercial?: boolean;
                    /**
                     * @description Refuse approval without a successful benchmark
                     * @default false
                     */
                    benchmarkRequired?: boolean;
                };
            };
        };
        responses: {
            /** @description Replaced; audited with before and after */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description When not empty, only these licenses can be approved
                         * @default []
                         */
                        allowedLicenses: string[];
                        /**
                         * @description These licenses can never be approved
                         * @default []
                         */
                        blockedLicenses: string[];
                        /**
                         * @description Refuse licenses that forbid commercial use
                         * @default false
                         */
                        noNonCommercial: boolean;
                        /**
                         * @description Refuse approval without a successful benchmark
                         * @default false
                         */
                        benchmarkRequired: boolean;
                        updatedBy: string | null;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ScansController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
                /** @description Version label */
                version: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Each file's scan status, findings and facts, and the version's facts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: string;
                        /**
                         * @description The worst file status; pending until every file was inspected
                         * @enum {string}
                         */
                        status: "pending" | "clean" | "warning" | "critical" | "error";
                        scannedAt: string | null;
                        counts: {
                            [key: string]: number;
                        };
                        /** @description The version's facts: parameters, dtypes, architecture, ONNX inputs/outputs, hardware fit… */
                        facts: {
                            [key: string]: unknown;
                        };
                        files: {
                            path: string;
                            format: string | null;
                            /** @enum {string} */
                            status: "pending" | "clean" | "warning" | "critical" | "error";
                            findings: {
                                /** @enum {string} */
                                severity: "info" | "warning" | "critical";
                                /** @description Stable machine-readable code, e.g. pickle_dangerous_global */
                                code: string;
                                message: string;
                                /** @description What was seen: the global, offset, path… */
                                evidence?: {
                                    [key: string]: unknown;
                                };
                            }[];
                            /** @description What the inspector read from the header: tensors, dtypes, inputs… */
                            facts: {
                                [key: string]: unknown;
                            };
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    ScansController_rescan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
                /** @description Version label */
                version: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued: every file is inspected again */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: string;
                        /** @enum {boolean} */
                        queued: true;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    BenchmarksController_list: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                /** @description Page size, at most 100 */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
                /** @description Version label */
                version: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Benchmark runs of this version, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            model: string;
                            version: string;
                            /** @enum {string} */
                            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                            file: string;
                            /**
                             * @description onnx runs with onnxruntime-node, gguf with llama.cpp (node-llama-cpp)
                             * @enum {string}
                             */
                            format: "onnx" | "gguf";
                            /** @description `auto` for runs queued by a submit or import */
                            requestedBy: string;
                            /** @description The name of the key that asked, or 'automatic' */
                            requestedByName: string;
                            /** @description The ONNX execution provider, or for GGUF runs the llama.cpp backend */
                            executionProvider: {
                                requested: string;
                                actual: string | null;
                                fallbackReason: string | null;
                            };
                            /** @description CPU, GPU, driver and onnxruntime (GGUF: node-llama-cpp and llama.cpp) versions of the machine that ran it */
                            hardware: {
                                [key: string]: unknown;
                            } | null;
                            /** @description As requested, then as resolved by the runner (batch, dims, input shapes) */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description What the run measured on: each input with the shape it was fed and where its dimensions came from; null until known */
                            inputs: {
                                name: string;
                                dtype: string;
                                shape: number[];
                                /** @description random, zeros, ones, token_ids, positions, or data (given in the request) */
                                fill: string;
                                /** @description Where each dimension of shape came from: fixed in the graph, the request (dims, batchSize, an input shape), the version's preprocessor_config.json, or a default; absent on runs recorded before sources were kept */
                                source?: ("graph" | "request" | "preprocessor_config" | "default")[];
                            }[] | null;
                            /** @description ONNX runs: latency and throughput; null for GGUF runs (see gguf) */
                            metrics: {
                                loadMs: number;
                                firstRunMs: number;
                                p50Ms: number;
                                p90Ms: number;
                                p99Ms: number;
                                meanMs: number;
                                /** @description Items per second (batch size / mean latency) */
                                throughput: number;
                                peakRssMb: number;
                            } | null;
                            /** @description GGUF runs that succeeded: tokens/s, time to first token, perplexity, output fingerprint */
                            gguf: {
                                model: {
                                    architecture: string;
                                    name?: string;
                                    /** @description general.file_type, e.g. MOSTLY_Q4_K_M */
                                    fileType?: string;
                                    trainContextSize?: number;
                                    totalLayers: number;
                                    parameters: number;
                                    sizeMb: number;
                                };
                                metrics: {
                                    loadMs: number;
                                    /** @description Layers offloaded to the GPU, of totalLayers */
                                    gpuLayers: number;
                                    totalLayers: number;
                                    promptMs: number;
                                    promptTokensPerSecond: number;
                                    timeToFirstTokenMs: number;
                                    generatedTokens: number;
                                    generationTokensPerSecond: number;
                                    /** @description Median time per generated token */
                                    p50Ms: number;
                                    peakRssMb: number;
                                    vramUsedMb?: number;
                                };
                                /** @description Perplexity over Vetted's fixed text (named by text): lower is better; compare only runs of one model's versions or quantizations */
                                perplexity: {
                                    value: number;
                                    tokens: number;
                                    text: string;
                                };
                                /** @description The greedy completion of a fixed prompt: the run's output fingerprint */
                                completion: {
                                    prompt: string;
                                    text: string;
                                    tokens: number;
                                    sha256: string;
                                };
                                /** @description Whether the model's own chat template (tokenizer.chat_template) shaped the completion prompt */
                                chatTemplate: {
                                    present: boolean;
                                    applied?: boolean;
                                    wrapper?: string;
                                    sha256?: string;
                                    error?: string;
                                };
                            } | null;
                            /** @description Output names, dtypes, shapes and non-finite value counts */
                            outputs: {
                                [key: string]: unknown;
                            }[] | null;
                            /** @description Outputs against the reference tensors the version ships next to the model (test_data_set_0/), when it does */
                            reference: {
                                passed: boolean;
                                maxAbsError: number;
                            } | null;
                            /** @description What the run noticed: non-finite outputs, a reference mismatch (critical), unused settings, dimensions nobody gave (dims_defaulted) */
                            findings: {
                                /** @enum {string} */
                                severity: "info" | "warning" | "critical";
                                /** @description Stable machine-readable code, e.g. pickle_dangerous_global */
                                code: string;
                                message: string;
                                /** @description What was seen: the global, offset, path… */
                                evidence?: {
                                    [key: string]: unknown;
                                };
                            }[];
                            error: string | null;
                            logTail: string | null;
                            createdAt: string;
                            startedAt: string | null;
                            finishedAt: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    BenchmarksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
                /** @description Version label */
                version: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description An ONNX or GGUF file of the version (a split GGUF by its first part); the version's main model file when absent */
                    file?: string;
                    /**
                     * @description ONNX: auto (CUDA if installed, else WebGPU if a GPU adapter exists, else CPU), cpu, webgpu or cuda. GGUF: auto, cpu or cuda
                     * @enum {string}
                     */
                    executionProvider?: "auto" | "cpu" | "webgpu" | "cuda";
                    /**
                     * @description GGUF only, the llama.cpp backend: auto (CUDA, then Vulkan, then CPU), cpu, vulkan or cuda; an explicit one never falls back
                     * @enum {string}
                     */
                    backend?: "auto" | "cpu" | "vulkan" | "cuda";
                    /** @description GGUF only: tokens the context holds (default 1024) */
                    contextSize?: number;
                    /** @description GGUF only: length of the timed prompt (default 128) */
                    promptTokens?: number;
                    /** @description GGUF only: tokens generated greedily (default 64) */
                    generateTokens?: number;
                    /** @description GGUF only: llama.cpp threads (default: the cores useful for math) */
                    threads?: number;
                    batchSize?: number;
                    /** @description Timed runs after the warm-up */
                    iterations?: number;
                    warmup?: number;
                    /** @description Values for symbolic dimensions: by the name the graph gives them ({"sequence_length": 128}), by kind (batch, sequence, past_sequence, height, width, channels, samples: {"height": 640}), or by position for dimensions the graph leaves unnamed, as input.axis ({"x.2": 640, "x.3": 640} for axes 2 and 3 of input x). A position wins over a name, a name over a kind. Image sides nobody gives come from the version's preprocessor_config.json, else 224; the run's inputs say where each dimension came from, and a dims_defaulted finding names those nobody gave */
                    dims?: {
                        [key: string]: number;
                    };
                    /** @description Explicit inputs by name, for models that need them */
                    inputs?: {
                        [key: string]: {
                            /** @enum {string} */
                            dtype?: "float32" | "float16" | "int64" | "int32" | "int8" | "uint8" | "bool";
                            shape?: number[];
                            /** @description Values in row-major order; their count must match the shape */
                            data?: number[];
                            /** @enum {string} */
                            fill?: "random" | "zeros" | "ones";
                        };
                    };
                    timeoutSeconds?: number;
                };
            };
        };
        responses: {
            /** @description Queued; follow it with GET /v1/benchmarks/{id} */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        model: string;
                        version: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                        file: string;
                        /**
                         * @description onnx runs with onnxruntime-node, gguf with llama.cpp (node-llama-cpp)
                         * @enum {string}
                         */
                        format: "onnx" | "gguf";
                        /** @description `auto` for runs queued by a submit or import */
                        requestedBy: string;
                        /** @description The name of the key that asked, or 'automatic' */
                        requestedByName: string;
                        /** @description The ONNX execution provider, or for GGUF runs the llama.cpp backend */
                        executionProvider: {
                            requested: string;
                            actual: string | null;
                            fallbackReason: string | null;
                        };
                        /** @description CPU, GPU, driver and onnxruntime (GGUF: node-llama-cpp and llama.cpp) versions of the machine that ran it */
                        hardware: {
                            [key: string]: unknown;
                        } | null;
                        /** @description As requested, then as resolved by the runner (batch, dims, input shapes) */
                        settings: {
                            [key: string]: unknown;
                        };
                        /** @description What the run measured on: each input with the shape it was fed and where its dimensions came from; null until known */
                        inputs: {
                            name: string;
                            dtype: string;
                            shape: number[];
                            /** @description random, zeros, ones, token_ids, positions, or data (given in the request) */
                            fill: string;
                            /** @description Where each dimension of shape came from: fixed in the graph, the request (dims, batchSize, an input shape), the version's preprocessor_config.json, or a default; absent on runs recorded before sources were kept */
                            source?: ("graph" | "request" | "preprocessor_config" | "default")[];
                        }[] | null;
                        /** @description ONNX runs: latency and throughput; null for GGUF runs (see gguf) */
                        metrics: {
                            loadMs: number;
                            firstRunMs: number;
                            p50Ms: number;
                            p90Ms: number;
                            p99Ms: number;
                            meanMs: number;
                            /** @description Items per second (batch size / mean latency) */
                            throughput: number;
                            peakRssMb: number;
                        } | null;
                        /** @description GGUF runs that succeeded: tokens/s, time to first token, perplexity, output fingerprint */
                        gguf: {
                            model: {
                                architecture: string;
                                name?: string;
                                /** @description general.file_type, e.g. MOSTLY_Q4_K_M */
                                fileType?: string;
                                trainContextSize?: number;
                                totalLayers: number;
                                parameters: number;
                                sizeMb: number;
                            };
                            metrics: {
                                loadMs: number;
                                /** @description Layers offloaded to the GPU, of totalLayers */
                                gpuLayers: number;
                                totalLayers: number;
                                promptMs: number;
                                promptTokensPerSecond: number;
                                timeToFirstTokenMs: number;
                                generatedTokens: number;
                                generationTokensPerSecond: number;
                                /** @description Median time per generated token */
                                p50Ms: number;
                                peakRssMb: number;
                                vramUsedMb?: number;
                            };
                            /** @description Perplexity over Vetted's fixed text (named by text): lower is better; compare only runs of one model's versions or quantizations */
                            perplexity: {
                                value: number;
                                tokens: number;
                                text: string;
                            };
                            /** @description The greedy completion of a fixed prompt: the run's output fingerprint */
                            completion: {
                                prompt: string;
                                text: string;
                                tokens: number;
                                sha256: string;
                            };
                            /** @description Whether the model's own chat template (tokenizer.chat_template) shaped the completion prompt */
                            chatTemplate: {
                                present: boolean;
                                applied?: boolean;
                                wrapper?: string;
                                sha256?: string;
                                error?: string;
                            };
                        } | null;
                        /** @description Output names, dtypes, shapes and non-finite value counts */
                        outputs: {
                            [key: string]: unknown;
                        }[] | null;
                        /** @description Outputs against the reference tensors the version ships next to the model (test_data_set_0/), when it does */
                        reference: {
                            passed: boolean;
                            maxAbsError: number;
                        } | null;
                        /** @description What the run noticed: non-finite outputs, a reference mismatch (critical), unused settings, dimensions nobody gave (dims_defaulted) */
                        findings: {
                            /** @enum {string} */
                            severity: "info" | "warning" | "critical";
                            /** @description Stable machine-readable code, e.g. pickle_dangerous_global */
                            code: string;
                            message: string;
                            /** @description What was seen: the global, offset, path… */
                            evidence?: {
                                [key: string]: unknown;
                            };
                        }[];
                        error: string | null;
                        logTail: string | null;
                        createdAt: string;
                        startedAt: string | null;
                        finishedAt: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    BenchmarksController_summary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
                /** @description Version label */
                version: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Best latency per execution provider and hardware */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: string;
                        /** @description Lowest p50 latency (for GGUF, per generated token) per format, execution provider or backend, and hardware */
                        best: {
                            /** @enum {string} */
                            format: "onnx" | "gguf";
                            executionProvider: string;
                            hardware: string;
                            /** @description GGUF runs: median time per generated token */
                            p50Ms: number;
                            /** @description GGUF runs: generation tokens per second */
                            tokensPerSecond: number | null;
                            runId: string;
                            file: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    BenchmarksController_compare: {
        parameters: {
            query?: {
                /** @description The version to compare against */
                base?: string;
                /** @description The version compared */
                head?: string;
            };
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Two versions side by side on the same hardware, provider and settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        base: string;
                        head: string;
                        /** @description Latest succeeded runs of both versions on the same hardware, provider (backend) and settings, per format */
                        pairs: {
                            executionProvider: string;
                            hardware: string;
                            /** @enum {string} */
                            format: "onnx" | "gguf";
                            settings: {
                                [key: string]: unknown;
                            };
                            base: {
                                runId: string;
                                p50Ms: number;
                                /** @description GGUF: generation tokens per second */
                                tokensPerSecond: number | null;
                                /** @description GGUF: perplexity over the fixed text */
                                perplexity: number | null;
                                /** @description GGUF: sha256 of the greedy completion */
                                completionSha256: string | null;
                            };
                            head: {
                                runId: string;
                                p50Ms: number;
                                /** @description GGUF: generation tokens per second */
                                tokensPerSecond: number | null;
                                /** @description GGUF: perplexity over the fixed text */
                                perplexity: number | null;
                                /** @description GGUF: sha256 of the greedy completion */
                                completionSha256: string | null;
                            };
                            /** @description base p50 / head p50: above 1 means head is faster */
                            speedup: number;
                            /** @description GGUF: head perplexity / base perplexity − 1; above 0 means head predicts the fixed text worse */
                            perplexityChange: number | null;
                            /** @description GGUF: whether both gave the same greedy completion (output fingerprint) */
                            sameCompletion: boolean | null;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    BenchmarksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Status, provider that ran, hardware, settings, metrics, reference check, error and log tail */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        model: string;
                        version: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                        file: string;
                        /**
                         * @description onnx runs with onnxruntime-node, gguf with llama.cpp (node-llama-cpp)
                         * @enum {string}
                         */
                        format: "onnx" | "gguf";
                        /** @description `auto` for runs queued by a submit or import */
                        requestedBy: string;
                        /** @description The name of the key that asked, or 'automatic' */
                        requestedByName: string;
                        /** @description The ONNX execution provider, or for GGUF runs the llama.cpp backend */
                        executionProvider: {
                            requested: string;
                            actual: string | null;
                            fallbackReason: string | null;
                        };
                        /** @description CPU, GPU, driver and onnxruntime (GGUF: node-llama-cpp and llama.cpp) versions of the machine that ran it */
                        hardware: {
                            [key: string]: unknown;
                        } | null;
                        /** @description As requested, then as resolved by the runner (batch, dims, input shapes) */
                        settings: {
                            [key: string]: unknown;
                        };
                        /** @description What the run measured on: each input with the shape it was fed and where its dimensions came from; null until known */
                        inputs: {
                            name: string;
                            dtype: string;
                            shape: number[];
                            /** @description random, zeros, ones, token_ids, positions, or data (given in the request) */
                            fill: string;
                            /** @description Where each dimension of shape came from: fixed in the graph, the request (dims, batchSize, an input shape), the version's preprocessor_config.json, or a default; absent on runs recorded before sources were kept */
                            source?: ("graph" | "request" | "preprocessor_config" | "default")[];
                        }[] | null;
                        /** @description ONNX runs: latency and throughput; null for GGUF runs (see gguf) */
                        metrics: {
                            loadMs: number;
                            firstRunMs: number;
                            p50Ms: number;
                            p90Ms: number;
                            p99Ms: number;
                            meanMs: number;
                            /** @description Items per second (batch size / mean latency) */
                            throughput: number;
                            peakRssMb: number;
                        } | null;
                        /** @description GGUF runs that succeeded: tokens/s, time to first token, perplexity, output fingerprint */
                        gguf: {
                            model: {
                                architecture: string;
                                name?: string;
                                /** @description general.file_type, e.g. MOSTLY_Q4_K_M */
                                fileType?: string;
                                trainContextSize?: number;
                                totalLayers: number;
                                parameters: number;
                                sizeMb: number;
                            };
                            metrics: {
                                loadMs: number;
                                /** @description Layers offloaded to the GPU, of totalLayers */
                                gpuLayers: number;
                                totalLayers: number;
                                promptMs: number;
                                promptTokensPerSecond: number;
                                timeToFirstTokenMs: number;
                                generatedTokens: number;
                                generationTokensPerSecond: number;
                                /** @description Median time per generated token */
                                p50Ms: number;
                                peakRssMb: number;
                                vramUsedMb?: number;
                            };
                            /** @description Perplexity over Vetted's fixed text (named by text): lower is better; compare only runs of one model's versions or quantizations */
                            perplexity: {
                                value: number;
                                tokens: number;
                                text: string;
                            };
                            /** @description The greedy completion of a fixed prompt: the run's output fingerprint */
                            completion: {
                                prompt: string;
                                text: string;
                                tokens: number;
                                sha256: string;
                            };
                            /** @description Whether the model's own chat template (tokenizer.chat_template) shaped the completion prompt */
                            chatTemplate: {
                                present: boolean;
                                applied?: boolean;
                                wrapper?: string;
                                sha256?: string;
                                error?: string;
                            };
                        } | null;
                        /** @description Output names, dtypes, shapes and non-finite value counts */
                        outputs: {
                            [key: string]: unknown;
                        }[] | null;
                        /** @description Outputs against the reference tensors the version ships next to the model (test_data_set_0/), when it does */
                        reference: {
                            passed: boolean;
                            maxAbsError: number;
                        } | null;
                        /** @description What the run noticed: non-finite outputs, a reference mismatch (critical), unused settings, dimensions nobody gave (dims_defaulted) */
                        findings: {
                            /** @enum {string} */
                            severity: "info" | "warning" | "critical";
                            /** @description Stable machine-readable code, e.g. pickle_dangerous_global */
                            code: string;
                            message: string;
                            /** @description What was seen: the global, offset, path… */
                            evidence?: {
                                [key: string]: unknown;
                            };
                        }[];
                        error: string | null;
                        logTail: string | null;
                        createdAt: string;
                        startedAt: string | null;
                        finishedAt: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    BenchmarksController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        model: string;
                        version: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                        file: string;
                        /**
                         * @description onnx runs with onnxruntime-node, gguf with llama.cpp (node-llama-cpp)
                         * @enum {string}
                         */
                        format: "onnx" | "gguf";
                        /** @description `auto` for runs queued by a submit or import */
                        requestedBy: string;
                        /** @description The name of the key that asked, or 'automatic' */
                        requestedByName: string;
                        /** @description The ONNX execution provider, or for GGUF runs the llama.cpp backend */
                        executionProvider: {
                            requested: string;
                            actual: string | null;
                            fallbackReason: string | null;
                        };
                        /** @description CPU, GPU, driver and onnxruntime (GGUF: node-llama-cpp and llama.cpp) versions of the machine that ran it */
                        hardware: {
                            [key: string]: unknown;
                        } | null;
                        /** @description As requested, then as resolved by the runner (batch, dims, input shapes) */
                        settings: {
                            [key: string]: unknown;
                        };
                        /** @description What the run measured on: each input with the shape it was fed and where its dimensions came from; null until known */
                        inputs: {
                            name: string;
                            dtype: string;
                            shape: number[];
                            /** @description random, zeros, ones, token_ids, positions, or data (given in the request) */
                            fill: string;
                            /** @description Where each dimension of shape came from: fixed in the graph, the request (dims, batchSize, an input shape), the version's preprocessor_config.json, or a default; absent on runs recorded before sources were kept */
                            source?: ("graph" | "request" | "preprocessor_config" | "default")[];
                        }[] | null;
                        /** @description ONNX runs: latency and throughput; null for GGUF runs (see gguf) */
                        metrics: {
                            loadMs: number;
                            firstRunMs: number;
                            p50Ms: number;
                            p90Ms: number;
                            p99Ms: number;
                            meanMs: number;
                            /** @description Items per second (batch size / mean latency) */
                            throughput: number;
                            peakRssMb: number;
                        } | null;
                        /** @description GGUF runs that succeeded: tokens/s, time to first token, perplexity, output fingerprint */
                        gguf: {
                            model: {
                                architecture: string;
                                name?: string;
                                /** @description general.file_type, e.g. MOSTLY_Q4_K_M */
                                fileType?: string;
                                trainContextSize?: number;
                                totalLayers: number;
                                parameters: number;
                                sizeMb: number;
                            };
                            metrics: {
                                loadMs: number;
                                /** @description Layers offloaded to the GPU, of totalLayers */
                                gpuLayers: number;
                                totalLayers: number;
                                promptMs: number;
                                promptTokensPerSecond: number;
                                timeToFirstTokenMs: number;
                                generatedTokens: number;
                                generationTokensPerSecond: number;
                                /** @description Median time per generated token */
                                p50Ms: number;
                                peakRssMb: number;
                                vramUsedMb?: number;
                            };
                            /** @description Perplexity over Vetted's fixed text (named by text): lower is better; compare only runs of one model's versions or quantizations */
                            perplexity: {
                                value: number;
                                tokens: number;
                                text: string;
                            };
                            /** @description The greedy completion of a fixed prompt: the run's output fingerprint */
                            completion: {
                                prompt: string;
                                text: string;
                                tokens: number;
                                sha256: string;
                            };
                            /** @description Whether the model's own chat template (tokenizer.chat_template) shaped the completion prompt */
                            chatTemplate: {
                                present: boolean;
                                applied?: boolean;
                                wrapper?: string;
                                sha256?: string;
                                error?: string;
                            };
                        } | null;
                        /** @description Output names, dtypes, shapes and non-finite value counts */
                        outputs: {
                            [key: string]: unknown;
                        }[] | null;
                        /** @description Outputs against the reference tensors the version ships next to the model (test_data_set_0/), when it does */
                        reference: {
                            passed: boolean;
                            maxAbsError: number;
                        } | null;
                        /** @description What the run noticed: non-finite outputs, a reference mismatch (critical), unused settings, dimensions nobody gave (dims_defaulted) */
                        findings: {
                            /** @enum {string} */
                            severity: "info" | "warning" | "critical";
                            /** @description Stable machine-readable code, e.g. pickle_dangerous_global */
                            code: string;
                            message: string;
                            /** @description What was seen: the global, offset, path… */
                            evidence?: {
                                [key: string]: unknown;
                            };
                        }[];
                        error: string | null;
                        logTail: string | null;
                        createdAt: string;
                        startedAt: string | null;
                        finishedAt: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    WebhooksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every webhook, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            url: string;
                            description: string;
                            /** @description Empty: every type */
                            events: string[];
                            namespace: string | null;
                            enabled: boolean;
                            /** @description Why it is disabled: a run of failed deliveries, or who turned it off */
                            disabledReason: string | null;
                            disabledAt: string | null;
                            /** @description Failed attempts since the last success */
                            consecutiveFailures: number;
                            createdBy: string;
                            /** @description The name of the admin's key that created it */
                            createdByName: string;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    WebhooksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uri
                     * @description Where deliveries are POSTed; checked against the outbound address policy when connecting
                     */
                    url: string;
                    /** @description Event types to send (model.created, version.submitted, version.scanned, version.benchmarked, version.approved, version.rejected, version.deprecated, version.revoked, import.succeeded, import.failed); empty: every type */
                    events?: ("model.created" | "version.submitted" | "version.scanned" | "version.benchmarked" | "version.approved" | "version.rejected" | "version.deprecated" | "version.revoked" | "import.succeeded" | "import.failed")[];
                    /**
                     * @description Only events of this namespace's models; null: every namespace
                     * @default null
                     */
                    namespace?: string | null;
                    /**
                     * @description What the webhook is for, e.g. "deploy on approval"
                     * @default
                     */
                    description?: string;
                    /** @default true */
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description The new webhook; its signing secret is shown only in this response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        url: string;
                        description: string;
                        /** @description Empty: every type */
                        events: string[];
                        namespace: string | null;
                        enabled: boolean;
                        /** @description Why it is disabled: a run of failed deliveries, or who turned it off */
                        disabledReason: string | null;
                        disabledAt: string | null;
                        /** @description Failed attempts since the last success */
                        consecutiveFailures: number;
                        createdBy: string;
                        /** @description The name of the admin's key that created it */
                        createdByName: string;
                        createdAt: string;
                        updatedAt: string;
                        /** @description The Standard Webhooks signing secret (whsec_…): shown only in this response, never again */
                        secret: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    WebhooksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One webhook, with why it is disabled if it is */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        url: string;
                        description: string;
                        /** @description Empty: every type */
                        events: string[];
                        namespace: string | null;
                        enabled: boolean;
                        /** @description Why it is disabled: a run of failed deliveries, or who turned it off */
                        disabledReason: string | null;
                        disabledAt: string | null;
                        /** @description Failed attempts since the last success */
                        consecutiveFailures: number;
                        createdBy: string;
                        /** @description The name of the admin's key that created it */
                        createdByName: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    WebhooksController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted, with its delivery log */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    WebhooksController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uri
                     * @description Where deliveries are POSTed; checked against the outbound address policy when connecting
                     */
                    url?: string;
                    /** @description Event types to send (model.created, version.submitted, version.scanned, version.benchmarked, version.approved, version.rejected, version.deprecated, version.revoked, import.succeeded, import.failed); empty: every type */
                    events?: ("model.created" | "version.submitted" | "version.scanned" | "version.benchmarked" | "version.approved" | "version.rejected" | "version.deprecated" | "version.revoked" | "import.succeeded" | "import.failed")[];
                    /** @description Only events of this namespace's models; null: every namespace */
                    namespace?: string | null;
                    /** @description What the webhook is for, e.g. "deploy on approval" */
                    description?: string;
                    /** @description true again after an automatic disable: the run of failures starts over */
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Updated; enabling a disabled webhook resumes its pending deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        url: string;
                        description: string;
                        /** @description Empty: every type */
                        events: string[];
                        namespace: string | null;
                        enabled: boolean;
                        /** @description Why it is disabled: a run of failed deliveries, or who turned it off */
                        disabledReason: string | null;
                        disabledAt: string | null;
                        /** @description Failed attempts since the last success */
                        consecutiveFailures: number;
                        createdBy: string;
                        /** @description The name of the admin's key that created it */
                        createdByName: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    WebhooksController_rotateSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new signing secret, shown only in this response; the old one stops at once */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description The Standard Webhooks signing secret (whsec_…): shown only in this response, never again */
                        secret: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    WebhooksController_listDeliveries: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                /** @description Page size, at most 100 */
                limit?: number;
                status?: "pending" | "succeeded" | "failed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery log, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            webhookId: string;
                            /** @description The event sent, also the webhook-id header (the same on every retry) */
                            eventId: string;
                            eventType: string;
                            /**
                             * @description pending: waiting for its next attempt; failed: out of attempts
                             * @enum {string}
                             */
                            status: "pending" | "succeeded" | "failed";
                            attempts: number;
                            nextAttemptAt: string | null;
                            lastAttemptAt: string | null;
                            responseStatus: number | null;
                            /** @description The start of the receiver's answer (at most 4 KiB), as text */
                            responseBody: string | null;
                            durationMs: number | null;
                            error: string | null;
                            /** @description system, or the admin who asked for a redelivery */
                            requestedBy: string;
                            requestedByName: string;
                            redeliveryOf: string | null;
                            createdAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    WebhooksController_redeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new delivery of the same event (same webhook-id), due now */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        webhookId: string;
                        /** @description The event sent, also the webhook-id header (the same on every retry) */
                        eventId: string;
                        eventType: string;
                        /**
                         * @description pending: waiting for its next attempt; failed: out of attempts
                         * @enum {string}
                         */
                        status: "pending" | "succeeded" | "failed";
                        attempts: number;
                        nextAttemptAt: string | null;
                        lastAttemptAt: string | null;
                        responseStatus: number | null;
                        /** @description The start of the receiver's answer (at most 4 KiB), as text */
                        responseBody: string | null;
                        durationMs: number | null;
                        error: string | null;
                        /** @description system, or the admin who asked for a redelivery */
                        requestedBy: string;
                        requestedByName: string;
                        redeliveryOf: string | null;
                        createdAt: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    SigningController_signingKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The site's public signing key(s): what model.sig files and signed statements verify with */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @enum {string} */
                            algorithm: "ecdsa-p256" | "ecdsa-p384" | "ed25519";
                            publicKeyPem: string;
                            /** @description sha256 of the public key (SPKI DER), hex */
                            fingerprint: string;
                            /** @description sha256 of the PEM, hex: the publicKey.hint in model.sig bundles */
                            keyHint: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    SigningController_signature: {
        parameters: {
            query?: {
                /** @description approval: the model.sig; status: the latest deprecate/revoke statement */
                kind?: "approval" | "status";
            };
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
                /** @description Version label */
                version: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Sigstore bundle (OpenSSF model signing): the approval, or the latest deprecate/revoke statement */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    SigningController_trustedKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Keys whose signatures on arriving models are trusted (the site key always is) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            pem: string;
                            fingerprint: string;
                            createdBy: string;
                            createdAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    SigningController_trust: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @description A PEM public key (ECDSA or Ed25519) or X.509 certificate */
                    pem: string;
                };
            };
        };
        responses: {
            /** @description Trusted from now on; scans of later arriving versions use it */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        pem: string;
                        fingerprint: string;
                        createdBy: string;
                        createdAt: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    SigningController_distrust: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No longer trusted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    BundlesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Approved versions to carry; without @version, the latest approved one */
                    models: string[];
                };
            };
        };
        responses: {
            /** @description Queued for a worker to write; follow it with GET /v1/exports/{id} */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /**
                         * @description queued → running (a worker writes it) → succeeded or failed; succeeded → expired once its retention ends
                         * @enum {string}
                         */
                        status: "queued" | "running" | "succeeded" | "failed" | "expired";
                        versions: string[];
                        /** @description Bytes of the tar, once written */
                        size: number | null;
                        /** @description Why it failed */
                        error: string | null;
                        /** @description Workers that started writing it (one that died is replaced, up to 3) */
                        attempts: number;
                        createdBy: string;
                        createdAt: string;
                        finishedAt: string | null;
                        /** @description When the tar is deleted (VETTED_EXPORT_RETENTION_HOURS after it was written) */
                        expiresAt: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    BundlesController_find: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export and, once written, its size */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /**
                         * @description queued → running (a worker writes it) → succeeded or failed; succeeded → expired once its retention ends
                         * @enum {string}
                         */
                        status: "queued" | "running" | "succeeded" | "failed" | "expired";
                        versions: string[];
                        /** @description Bytes of the tar, once written */
                        size: number | null;
                        /** @description Why it failed */
                        error: string | null;
                        /** @description Workers that started writing it (one that died is replaced, up to 3) */
                        attempts: number;
                        createdBy: string;
                        createdAt: string;
                        finishedAt: string | null;
                        /** @description When the tar is deleted (VETTED_EXPORT_RETENTION_HOURS after it was written) */
                        expiresAt: string | null;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    BundlesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted, with its tar; a worker still writing it discards what it wrote */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    BundlesController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bundle (application/x-tar) from the blob store, by any replica; resumable with Range */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    BundlesController_importBundle: {
        parameters: {
            query?: {
                /** @description The exporting site's key fingerprint, confirmed out of band: an untrusted but expected signer lands versions for review */
                signer?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The bundle tar, streamed */
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Every version verified and landed (or already here) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The exporting site's key fingerprint */
                        signer: string;
                        trusted: boolean;
                        versions: {
                            model: string;
                            version: string;
                            /** @enum {string} */
                            outcome: "approved" | "pending_review" | "unchanged";
                            /** @description The license here; null (unknown) when this catalog does not know the carried one */
                            license: string | null;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
    BundlesController_origin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation or user */
                namespace: unknown;
                /** @description Model name */
                name: unknown;
                /** @description Version label */
                version: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Where an imported version came from, with the evidence the source site decided on */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        siteFingerprint: string;
                        trusted: boolean;
                        /** @description The source site's model.sig */
                        signature: string;
                        /** @description The bundle record as carried: license terms, the source site's scans, benchmarks and reviews */
                        evidence: unknown;
                        /** @description What the exporting site found, as its bundle carried it; everything else in this evidence is this site's own */
                        origin: {
                            /** @description The exporting site's key fingerprint */
                            site: string;
                            /** @description Whether this site trusted that key at import (the version then landed approved) */
                            trusted: boolean;
                            importedAt: string;
                            /** @description The exporting site's scan: files per status */
                            scan: {
                                pending: number;
                                clean: number;
                                warning: number;
                                critical: number;
                                error: number;
                            };
                            /** @description Files the exporting site found critical or could not scan */
                            criticalFindings: {
                                path: string;
                                /** @enum {string} */
                                status: "critical" | "error";
                                findings: unknown;
                            }[];
                            /** @description The exporting site's succeeded benchmark runs */
                            benchmarkRuns: {
                                file: string;
                                executionProvider: string | null;
                                hardware: string | null;
                                p50Ms: number | null;
                                finishedAt: string | null;
                            }[];
                        };
                        /** @description This site's own scan of the same files (pending until its worker has scanned them), beside the source site's */
                        local: {
                            scan: {
                                pending: number;
                                clean: number;
                                warning: number;
                                critical: number;
                                error: number;
                            };
                            /** @description Files the exporting site found critical or could not scan */
                            criticalFindings: {
                                path: string;
                                /** @enum {string} */
                                status: "critical" | "error";
                                findings: unknown;
                            }[];
                        };
                        importedBy: string;
                        importedAt: string;
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
            /** @description Problem details (RFC 9457) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description Stable machine-readable error code */
                        code: string;
                        detail: string;
                        errors?: {
                            field?: string;
                            message?: string;
                        }[];
                    };
                };
            };
        };
    };
}
