-- AlterTable
ALTER TABLE "model_files" ADD COLUMN "facts" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "model_versions" ADD COLUMN "parameters" BIGINT,
ADD COLUMN "scanned_at" TIMESTAMPTZ(3),
ADD COLUMN "scan_requested_at" TIMESTAMPTZ(3);
