-- AlterTable
ALTER TABLE "model_versions" ADD COLUMN "scan_heartbeat_at" TIMESTAMPTZ(3),
ADD COLUMN "scan_attempts" INTEGER NOT NULL DEFAULT 0;
