-- CreateEnum
CREATE TYPE "Role" AS ENUM ('viewer', 'publisher', 'reviewer', 'admin');

-- CreateEnum
CREATE TYPE "ModelStatus" AS ENUM ('active', 'archived');

-- CreateEnum
CREATE TYPE "VersionStatus" AS ENUM ('draft', 'pending_review', 'approved', 'rejected', 'deprecated', 'revoked');

-- CreateEnum
CREATE TYPE "ScanStatus" AS ENUM ('pending', 'clean', 'warning', 'critical', 'error');

-- Full-text search document over a model's name, description and tags, for the generated
-- "models"."search_vector" column. IMMUTABLE so PostgreSQL accepts it in a generated column.
CREATE FUNCTION "model_search_document"(namespace TEXT, name TEXT, display_name TEXT, description TEXT, tags TEXT[])
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN to_tsvector('simple'::regconfig,
    namespace || ' ' || name || ' ' || coalesce(display_name, '') || ' ' || description || ' ' || coalesce(array_to_string(tags, ' '), ''));

-- CreateTable
CREATE TABLE "licenses" (
    "id" TEXT NOT NULL,
    "spdx_id" TEXT,
    "name" TEXT NOT NULL,
    "url" TEXT,
    "terms" JSONB NOT NULL DEFAULT '{}',
    "source_url" TEXT,
    "reviewed_at" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "licenses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "models" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "display_name" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "task" TEXT,
    "library" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "license_id" TEXT,
    "source" TEXT NOT NULL DEFAULT 'upload',
    "status" "ModelStatus" NOT NULL DEFAULT 'active',
    "search_vector" tsvector GENERATED ALWAYS AS ("model_search_document"("namespace", "name", "display_name", "description", "tags")) STORED,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "models_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_versions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "model_id" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "commit_sha" CHAR(40),
    "status" "VersionStatus" NOT NULL DEFAULT 'draft',
    "license_id" TEXT,
    "card" JSONB,
    "facts" JSONB NOT NULL DEFAULT '{}',
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "model_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "blobs" (
    "sha256" CHAR(64) NOT NULL,
    "size" BIGINT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "blobs_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "model_files" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version_id" UUID NOT NULL,
    "path" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "format" TEXT,
    "scan_status" "ScanStatus" NOT NULL DEFAULT 'pending',
    "scan_findings" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "models_created_at_id_idx" ON "models"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "models_license_id_idx" ON "models"("license_id");

-- CreateIndex
CREATE INDEX "models_task_idx" ON "models"("task");

-- CreateIndex
CREATE INDEX "models_tags_idx" ON "models" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "models_search_vector_idx" ON "models" USING GIN ("search_vector");

-- CreateIndex
CREATE UNIQUE INDEX "models_namespace_name_key" ON "models"("namespace", "name");

-- CreateIndex
CREATE INDEX "model_versions_model_id_status_created_at_idx" ON "model_versions"("model_id", "status", "created_at" DESC);

-- CreateIndex
CREATE INDEX "model_versions_commit_sha_idx" ON "model_versions"("commit_sha");

-- CreateIndex
CREATE UNIQUE INDEX "model_versions_model_id_label_key" ON "model_versions"("model_id", "label");

-- CreateIndex
CREATE INDEX "model_files_sha256_idx" ON "model_files"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "model_files_version_id_path_key" ON "model_files"("version_id", "path");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys"("hash");

-- CreateIndex
CREATE INDEX "audit_events_subject_type_subject_id_at_idx" ON "audit_events"("subject_type", "subject_id", "at");

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- AddForeignKey
ALTER TABLE "models" ADD CONSTRAINT "models_license_id_fkey" FOREIGN KEY ("license_id") REFERENCES "licenses"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_license_id_fkey" FOREIGN KEY ("license_id") REFERENCES "licenses"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_files" ADD CONSTRAINT "model_files_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "model_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_files" ADD CONSTRAINT "model_files_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "blobs"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;
