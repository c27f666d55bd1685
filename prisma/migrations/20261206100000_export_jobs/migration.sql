-- AlterTable
ALTER TABLE "bundle_exports" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "heartbeat_at" TIMESTAMPTZ(3),
ADD COLUMN     "signer" TEXT,
ADD COLUMN     "storage_key" TEXT,
ALTER COLUMN "status" SET DEFAULT 'queued';

-- Exports written by an API process that has since stopped cannot finish: their tar was never in the store.
UPDATE "bundle_exports" SET "status" = 'failed', "error" = 'written by an earlier version of Vetted that ran exports in the API; export again', "finished_at" = CURRENT_TIMESTAMP WHERE "status" = 'running';
UPDATE "bundle_exports" SET "status" = 'expired' WHERE "status" = 'succeeded';

-- CreateIndex
CREATE INDEX "bundle_exports_status_expires_at_idx" ON "bundle_exports"("status", "expires_at");
