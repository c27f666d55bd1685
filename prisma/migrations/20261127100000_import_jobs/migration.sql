-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "import_jobs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "repo" TEXT NOT NULL,
    "revision" TEXT NOT NULL,
    "commit_sha" CHAR(40),
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "label" TEXT,
    "include" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "exclude" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "ImportStatus" NOT NULL DEFAULT 'queued',
    "bytes_done" BIGINT NOT NULL DEFAULT 0,
    "bytes_total" BIGINT,
    "files" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "version_id" UUID,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "import_jobs_created_at_id_idx" ON "import_jobs"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "import_jobs_repo_commit_sha_idx" ON "import_jobs"("repo", "commit_sha");

-- AddForeignKey
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "model_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;
