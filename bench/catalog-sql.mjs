// The SQL the API's model repository sends for GET /v1/models as a viewer (see
// apps/api/src/models/model.repository.ts), written out for the bare baseline server.
export function catalogQuery({ words, limit }) {
  const values = ['active'];
  const conditions = [`m.status = CAST($1 AS "ModelStatus")`];
  if (words.length > 0) {
    values.push(words.map((w) => `${w}:*`).join(' & '));
    conditions.push(`m.search_vector @@ to_tsquery('simple', $${values.length})`);
  }
  conditions.push(`EXISTS (SELECT 1 FROM model_versions v
  WHERE v.model_id = m.id AND v.status IN ('approved', 'deprecated'))`);
  values.push(limit + 1);
  const text = `
      SELECT
  m.id, m.namespace, m.name, m.display_name AS "displayName", m.description, m.task, m.library,
  m.license_id AS "licenseId", m.tags, m.source, m.status, m.created_by AS "createdBy",
  m.created_at AS "createdAt", m.updated_at AS "updatedAt",
  (SELECT v.label FROM model_versions v
    WHERE v.model_id = m.id AND v.status = 'approved'
    ORDER BY v.created_at DESC LIMIT 1) AS "latestApprovedVersion" FROM models m
      WHERE ${conditions.join(' AND ')}
      ORDER BY m.created_at DESC, m.id DESC
      LIMIT $${values.length}`;
  return { text, values };
}
