-- AlterTable
ALTER TABLE "benchmark_runs" ADD COLUMN "tokens_per_second" DOUBLE PRECISION;
