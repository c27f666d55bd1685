-- AlterTable
ALTER TABLE "model_versions" ADD COLUMN "status_reason" TEXT,
ADD COLUMN "status_changed_at" TIMESTAMPTZ(3),
ADD COLUMN "status_changed_by" TEXT;

-- CreateTable
CREATE TABLE "version_contributors" (
    "version_id" UUID NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "first_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "version_contributors_pkey" PRIMARY KEY ("version_id","actor","action")
);

-- AddForeignKey
ALTER TABLE "version_contributors" ADD CONSTRAINT "version_contributors_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "model_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Versions that existed before contributors were recorded: their creators, uploaders, deleters and
-- submitters come from the audit trail, so separation of duties holds for them too.
INSERT INTO "version_contributors" ("version_id", "actor", "action", "first_at")
SELECT v.id, v.created_by, 'created', v.created_at FROM "model_versions" v
ON CONFLICT DO NOTHING;

INSERT INTO "version_contributors" ("version_id", "actor", "action", "first_at")
SELECT v.id, a.actor,
       CASE a.action WHEN 'file.uploaded' THEN 'uploaded' WHEN 'file.deleted' THEN 'deleted' ELSE 'submitted' END,
       min(a.at)
FROM "audit_events" a
JOIN "models" m ON a.subject_id LIKE m.namespace || '/' || m.name || '@%'
JOIN "model_versions" v ON v.model_id = m.id
  AND (a.subject_id = m.namespace || '/' || m.name || '@' || v.label
       OR a.subject_id LIKE m.namespace || '/' || m.name || '@' || v.label || '/%')
WHERE a.action IN ('file.uploaded', 'file.deleted', 'version.submitted') AND a.at >= v.created_at
GROUP BY v.id, a.actor, a.action
ON CONFLICT DO NOTHING;
