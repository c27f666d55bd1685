-- CreateTable
CREATE TABLE "bundle_exports" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "status" TEXT NOT NULL DEFAULT 'running',
    "versions" TEXT[],
    "size" BIGINT,
    "error" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "bundle_exports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "version_origins" (
    "version_id" UUID NOT NULL,
    "site_fingerprint" TEXT NOT NULL,
    "trusted" BOOLEAN NOT NULL,
    "signature" TEXT NOT NULL,
    "evidence" JSONB NOT NULL,
    "imported_by" TEXT NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "version_origins_pkey" PRIMARY KEY ("version_id")
);

-- CreateIndex
CREATE INDEX "bundle_exports_created_at_idx" ON "bundle_exports"("created_at" DESC);

-- AddForeignKey
ALTER TABLE "version_origins" ADD CONSTRAINT "version_origins_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "model_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
