-- CreateTable
CREATE TABLE "domain_events" (
    "seq" BIGSERIAL NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "type" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "namespace" TEXT,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "tx_id" BIGINT NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint,

    CONSTRAINT "domain_events_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "domain_events_id_key" ON "domain_events"("id");

-- CreateIndex
CREATE INDEX "domain_events_type_seq_idx" ON "domain_events"("type", "seq");

-- CreateIndex
CREATE INDEX "domain_events_subject_type_subject_id_seq_idx" ON "domain_events"("subject_type", "subject_id", "seq");
