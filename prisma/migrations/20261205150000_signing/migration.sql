-- CreateTable
CREATE TABLE "version_signatures" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version_id" UUID NOT NULL,
    "status" "VersionStatus" NOT NULL,
    "key_fingerprint" TEXT NOT NULL,
    "bundle" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "version_signatures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trusted_keys" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "pem" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trusted_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "version_signatures_version_id_created_at_idx" ON "version_signatures"("version_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "trusted_keys_name_key" ON "trusted_keys"("name");

-- CreateIndex
CREATE UNIQUE INDEX "trusted_keys_fingerprint_key" ON "trusted_keys"("fingerprint");

-- AddForeignKey
ALTER TABLE "version_signatures" ADD CONSTRAINT "version_signatures_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "model_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
