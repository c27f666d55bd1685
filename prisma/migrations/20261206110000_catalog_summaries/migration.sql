-- The catalog lists models from columns of "models" alone: what it shows of the versions is kept
-- in summary columns, refreshed by triggers whenever versions, files or benchmark runs change,
-- and every filter is a lexeme of "search_vector", so one GIN probe can count a filter's matches.

-- What viewers see ("public_*": approved and deprecated versions) and what publishers see
-- ("all_*": every version). "*_size_key" is the parameter count, or -1 when unknown, so that
-- one descending index serves the size order with unknown sizes last.
ALTER TABLE "models"
    ADD COLUMN "listed" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "latest_approved_version" TEXT,
    ADD COLUMN "public_parameters" BIGINT,
    ADD COLUMN "public_size_key" BIGINT NOT NULL DEFAULT '-1'::bigint,
    ADD COLUMN "public_formats" TEXT[] DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "public_best_latency_ms" DOUBLE PRECISION,
    ADD COLUMN "public_best_tokens_per_second" DOUBLE PRECISION,
    ADD COLUMN "all_parameters" BIGINT,
    ADD COLUMN "all_size_key" BIGINT NOT NULL DEFAULT '-1'::bigint,
    ADD COLUMN "all_formats" TEXT[] DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "all_best_latency_ms" DOUBLE PRECISION,
    ADD COLUMN "all_best_tokens_per_second" DOUBLE PRECISION;

-- The summary of one model, from its versions, files and benchmark runs.
CREATE FUNCTION "model_catalog_summary"(model UUID)
RETURNS TABLE (
    listed BOOLEAN, latest_approved_version TEXT,
    public_parameters BIGINT, public_formats TEXT[], public_best_latency_ms DOUBLE PRECISION, public_best_tokens_per_second DOUBLE PRECISION,
    all_parameters BIGINT, all_formats TEXT[], all_best_latency_ms DOUBLE PRECISION, all_best_tokens_per_second DOUBLE PRECISION)
LANGUAGE sql STABLE
AS $$
  SELECT
    EXISTS (SELECT 1 FROM model_versions v WHERE v.model_id = model AND v.status IN ('approved', 'deprecated', 'revoked')),
    (SELECT v.label FROM model_versions v WHERE v.model_id = model AND v.status = 'approved'
      ORDER BY v.created_at DESC, v.id DESC LIMIT 1),
    (SELECT v.parameters FROM model_versions v
      WHERE v.model_id = model AND v.parameters IS NOT NULL AND v.status IN ('approved', 'deprecated')
      ORDER BY v.status = 'approved' DESC, v.created_at DESC, v.id DESC LIMIT 1),
    ARRAY(SELECT DISTINCT f.format FROM model_versions v JOIN model_files f ON f.version_id = v.id
      WHERE v.model_id = model AND f.format IN ('safetensors', 'onnx', 'gguf', 'pickle', 'npy') AND v.status IN ('approved', 'deprecated')
      ORDER BY f.format),
    (SELECT min(b.p50_ms) FROM benchmark_runs b JOIN model_versions v ON v.id = b.version_id
      WHERE v.model_id = model AND b.status = 'succeeded' AND b.tokens_per_second IS NULL AND v.status IN ('approved', 'deprecated')),
    (SELECT max(b.tokens_per_second) FROM benchmark_runs b JOIN model_versions v ON v.id = b.version_id
      WHERE v.model_id = model AND b.status = 'succeeded' AND v.status IN ('approved', 'deprecated')),
    (SELECT v.parameters FROM model_versions v
      WHERE v.model_id = model AND v.parameters IS NOT NULL
      ORDER BY v.status = 'approved' DESC, v.created_at DESC, v.id DESC LIMIT 1),
    ARRAY(SELECT DISTINCT f.format FROM model_versions v JOIN model_files f ON f.version_id = v.id
      WHERE v.model_id = model AND f.format IN ('safetensors', 'onnx', 'gguf', 'pickle', 'npy')
      ORDER BY f.format),
    (SELECT min(b.p50_ms) FROM benchmark_runs b JOIN model_versions v ON v.id = b.version_id
      WHERE v.model_id = model AND b.status = 'succeeded' AND b.tokens_per_second IS NULL),
    (SELECT max(b.tokens_per_second) FROM benchmark_runs b JOIN model_versions v ON v.id = b.version_id
      WHERE v.model_id = model AND b.status = 'succeeded')
$$;

-- Writes the summary of these models. Each model row is locked first, and the summary read in a
-- later statement (a fresh snapshot under READ COMMITTED): two transactions changing one model's
-- versions at once each see the other's committed change, so neither writes a stale summary.
CREATE FUNCTION "refresh_model_summaries"(model_ids UUID[])
RETURNS void LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM 1 FROM models m WHERE m.id = ANY (model_ids) ORDER BY m.id FOR UPDATE;
  UPDATE models m SET
      (listed, latest_approved_version,
       public_parameters, public_size_key, public_formats, public_best_latency_ms, public_best_tokens_per_second,
       all_parameters, all_size_key, all_formats, all_best_latency_ms, all_best_tokens_per_second) =
      (SELECT s.listed, s.latest_approved_version,
              s.public_parameters, coalesce(s.public_parameters, -1), s.public_formats, s.public_best_latency_ms, s.public_best_tokens_per_second,
              s.all_parameters, coalesce(s.all_parameters, -1), s.all_formats, s.all_best_latency_ms, s.all_best_tokens_per_second
         FROM model_catalog_summary(m.id) s)
   WHERE m.id = ANY (model_ids);
END
$$;

-- Runs at commit (a deferred constraint trigger), once per model: after every change of the
-- transaction is written, holding the model's row lock only for the commit itself. The models
-- already refreshed by this commit are remembered in a transaction-local setting (sound because
-- these triggers fire at commit: nothing in Vetted sets them IMMEDIATE and then writes more).
CREATE FUNCTION "model_summary_changed"()
RETURNS trigger LANGUAGE plpgsql
AS $$
DECLARE
  changed_version UUID;
  model UUID;
  refreshed TEXT := coalesce(current_setting('vetted.refreshed_model_summaries', true), '');
BEGIN
  IF TG_TABLE_NAME = 'model_versions' THEN
    model := CASE WHEN TG_OP = 'DELETE' THEN OLD.model_id ELSE NEW.model_id END;
    IF TG_OP = 'UPDATE' AND OLD.model_id <> NEW.model_id THEN
      PERFORM refresh_model_summaries(ARRAY[OLD.model_id]);
    END IF;
  ELSE
    changed_version := CASE WHEN TG_OP = 'DELETE' THEN OLD.version_id ELSE NEW.version_id END;
    SELECT v.model_id INTO model FROM model_versions v WHERE v.id = changed_version;
    IF TG_OP = 'UPDATE' AND OLD.version_id <> NEW.version_id THEN
      PERFORM refresh_model_summaries(ARRAY(SELECT v.model_id FROM model_versions v WHERE v.id = OLD.version_id));
    END IF;
  END IF;
  IF model IS NOT NULL AND position(model::text IN refreshed) = 0 THEN
    PERFORM refresh_model_summaries(ARRAY[model]);
    PERFORM set_config('vetted.refreshed_model_summaries', refreshed || model::text || ',', true);
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "model_versions_summary" AFTER INSERT OR DELETE OR UPDATE OF "model_id", "label", "status", "parameters", "created_at"
    ON "model_versions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "model_summary_changed"();
CREATE CONSTRAINT TRIGGER "model_files_summary" AFTER INSERT OR DELETE OR UPDATE OF "version_id", "format"
    ON "model_files" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "model_summary_changed"();
CREATE CONSTRAINT TRIGGER "benchmark_runs_summary" AFTER INSERT OR DELETE OR UPDATE OF "version_id", "status", "p50_ms", "tokens_per_second"
    ON "benchmark_runs" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "model_summary_changed"();

-- Size buckets for range filters: the bit length of the parameter count (0 for none, 1..63).
CREATE FUNCTION "catalog_size_bucket"(parameters BIGINT)
RETURNS INTEGER LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN length(ltrim(parameters::bit(64)::text, '0'));

-- A query for one lexeme, quoted so that any text is taken literally.
CREATE FUNCTION "catalog_lexeme"(lexeme TEXT)
RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CAST('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || '''' AS tsquery);

-- A facet lexeme, '#name=value': a search word (letters, digits, '_') can neither be one nor prefix-match one.
CREATE FUNCTION "catalog_facet"(name TEXT, value TEXT)
RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN catalog_lexeme('#' || name || '=' || value);

-- The exact lexemes every model matching these search words (each a prefix) holds, each cut to
-- 32 characters: GIN answers exact lexemes far faster than prefix (':*') queries.
CREATE FUNCTION "catalog_word_terms"(words TEXT)
RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CAST(coalesce((SELECT string_agg(catalog_lexeme(left(w, 32))::text, ' & ')
                        FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig, words))) AS w), '') AS tsquery);

-- What "search_vector" holds: the words (as before), every prefix of every word up to 32
-- characters, and a facet lexeme for every filter. PL/pgSQL loops: several times faster than
-- the same in SQL sub-selects, and it runs for every write of a model row.
CREATE FUNCTION "model_catalog_document"(namespace TEXT, name TEXT, display_name TEXT, description TEXT, tags TEXT[],
    status "ModelStatus", listed BOOLEAN, license_id TEXT, task TEXT,
    public_formats TEXT[], all_formats TEXT[], public_parameters BIGINT, all_parameters BIGINT)
RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
DECLARE
  words tsvector := model_search_document(namespace, name, display_name, description, tags);
  lexemes TEXT[] := ARRAY['#status=' || status::text, '#license=' || license_id, '#task=' || task,
                          '#public-size=' || catalog_size_bucket(public_parameters), '#all-size=' || catalog_size_bucket(all_parameters),
                          CASE WHEN listed THEN '#listed' END];
  count INTEGER := cardinality(lexemes);
  word TEXT;
  size INTEGER;
BEGIN
  FOREACH word IN ARRAY tsvector_to_array(words) LOOP
    FOR size IN 1 .. least(length(word), 32) LOOP
      count := count + 1;
      lexemes[count] := left(word, size);
    END LOOP;
  END LOOP;
  FOREACH word IN ARRAY coalesce(tags, '{}') LOOP
    count := count + 1;
    lexemes[count] := '#tag=' || word;
  END LOOP;
  FOREACH word IN ARRAY coalesce(public_formats, '{}') LOOP
    count := count + 1;
    lexemes[count] := '#public-format=' || word;
  END LOOP;
  FOREACH word IN ARRAY coalesce(all_formats, '{}') LOOP
    count := count + 1;
    lexemes[count] := '#all-format=' || word;
  END LOOP;
  RETURN words || array_to_tsvector(array_remove(lexemes, NULL));
END
$$;

-- The row addresses (ctid) of up to "cap" models matching a catalog query, found through the GIN
-- index of "search_vector" only: the planner's guess of how many rows match (blind to words that
-- never occur together) must never turn this into a scan of the whole table. The addresses hold
-- for the calling statement, whose snapshot this STABLE function shares: it fetches the rows by
-- address, one page read each.
CREATE FUNCTION "catalog_probe"(query tsquery, cap INTEGER)
RETURNS SETOF tid LANGUAGE sql STABLE ROWS 1000
SET enable_seqscan = off
AS $$ SELECT m.ctid FROM models m WHERE m.search_vector @@ query LIMIT cap $$;

DROP INDEX "models_search_vector_idx";
ALTER TABLE "models" DROP COLUMN "search_vector";
SELECT refresh_model_summaries(ARRAY(SELECT id FROM models));
ALTER TABLE "models" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    "model_catalog_document"("namespace", "name", "display_name", "description", "tags", "status", "listed", "license_id", "task",
        "public_formats", "all_formats", "public_parameters", "all_parameters")
) STORED;
CREATE INDEX "models_search_vector_idx" ON "models" USING GIN ("search_vector");

-- Task and tag filters are facets of "search_vector" now.
DROP INDEX "models_task_idx";
DROP INDEX "models_tags_idx";

CREATE INDEX "models_public_size_key_id_idx" ON "models"("public_size_key" DESC, "id" DESC);
CREATE INDEX "models_all_size_key_id_idx" ON "models"("all_size_key" DESC, "id" DESC);
