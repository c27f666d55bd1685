-- CreateEnum
CREATE TYPE "BenchmarkStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "benchmark_runs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version_id" UUID NOT NULL,
    "file" TEXT NOT NULL,
    "status" "BenchmarkStatus" NOT NULL DEFAULT 'queued',
    "requested_by" TEXT NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "result" JSONB,
    "error" TEXT,
    "log_tail" TEXT,
    "p50_ms" DOUBLE PRECISION,
    "execution_provider" TEXT,
    "hardware" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "heartbeat_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "benchmark_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "benchmark_runs_version_id_created_at_idx" ON "benchmark_runs"("version_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "benchmark_runs_status_idx" ON "benchmark_runs"("status");

-- AddForeignKey
ALTER TABLE "benchmark_runs" ADD CONSTRAINT "benchmark_runs_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "model_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
