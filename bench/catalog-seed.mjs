// The benchmark catalog: `models` models in SQL (generate_series), each with one version, 80 %
// approved (by a hash of its number, unrelated to its words), in seconds per 100,000 rather than
// through the API.

const SEARCH_INDEX = 'models_search_vector_idx';

/**
 * Bulk load: the summary triggers are off and each model row is written with the summary they
 * would give it (one version, approved or not, no files); the GIN index is built once at the end
 * from its own definition, which is many times faster than maintaining it row by row.
 */
export async function seedCatalog(db, models) {
  const [{ indexdef }] = (await db.query(`SELECT indexdef FROM pg_indexes WHERE indexname = $1`, [SEARCH_INDEX])).rows;
  await db.query(`DROP INDEX ${SEARCH_INDEX}`);
  await db.query('SET session_replication_role = replica');
  await db.query(
    `INSERT INTO models (namespace, name, description, task, library, tags, license_id, created_by, created_at, updated_at,
                         listed, latest_approved_version)
     SELECT 'org' || (i % 500),
            (ARRAY['llama','mistral','gemma','phi','qwen','whisper','bert','t5','sdxl','falcon'])[1 + i % 10] || '-' || i || 'b',
            'Model number ' || i || ' ' || (ARRAY['for chat','for speech recognition','for image generation','for embeddings','for code'])[1 + i % 5],
            (ARRAY['text-generation','automatic-speech-recognition','text-to-image','feature-extraction','text-classification'])[1 + i % 5],
            'transformers',
            ARRAY[(ARRAY['llama','mistral','gemma','phi','qwen'])[1 + i % 5], 'tag' || (i % 100)],
            (ARRAY['apache-2.0','mit','llama3.1','gemma','cc-by-nc-4.0'])[1 + i % 5],
            'bench', now() - make_interval(secs => i), now(),
            abs(hashint4(i)) % 5 <> 0, CASE WHEN abs(hashint4(i)) % 5 <> 0 THEN '1.0' END
       FROM generate_series(1, $1::int) AS i`,
    [models],
  );
  await db.query(
    `INSERT INTO model_versions (model_id, label, status, created_by, created_at, updated_at)
     SELECT id, '1.0', CASE WHEN listed THEN 'approved' ELSE 'pending_review' END::"VersionStatus", 'bench', created_at, now() FROM models`,
  );
  await db.query('RESET session_replication_role');
  await db.query(`SET maintenance_work_mem = '512MB'`);
  await db.query(indexdef);
  await db.query('VACUUM ANALYZE');
}
