-- Facet pairs: a lexeme for each pair of facets a catalog filter often combines (license and task,
-- format and license, format and task). Two facets that each match a fifth of the catalog but never
-- meet cost the GIN index a walk through both posting lists; their pair's list is the models that
-- have both, so such a filter costs one empty lookup. A '+' inside a value could make two pairs
-- look alike: harmless, since the probe's rows are filtered by the exact conditions after it.
DROP INDEX "models_search_vector_idx";
ALTER TABLE "models" DROP COLUMN "search_vector";

CREATE OR REPLACE FUNCTION "model_catalog_document"(namespace TEXT, name TEXT, display_name TEXT, description TEXT, tags TEXT[],
    status "ModelStatus", listed BOOLEAN, license_id TEXT, task TEXT,
    public_formats TEXT[], all_formats TEXT[], public_parameters BIGINT, all_parameters BIGINT)
RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
DECLARE
  words tsvector := model_search_document(namespace, name, display_name, description, tags);
  lexemes TEXT[] := ARRAY['#status=' || status::text, '#license=' || license_id, '#task=' || task,
                          '#license+task=' || license_id || '+' || task,
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
    lexemes[count + 1] := '#public-format=' || word;
    lexemes[count + 2] := '#public-format+license=' || word || '+' || license_id;
    lexemes[count + 3] := '#public-format+task=' || word || '+' || task;
    count := count + 3;
  END LOOP;
  FOREACH word IN ARRAY coalesce(all_formats, '{}') LOOP
    lexemes[count + 1] := '#all-format=' || word;
    lexemes[count + 2] := '#all-format+license=' || word || '+' || license_id;
    lexemes[count + 3] := '#all-format+task=' || word || '+' || task;
    count := count + 3;
  END LOOP;
  RETURN words || array_to_tsvector(array_remove(lexemes, NULL));
END
$$;

ALTER TABLE "models" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    "model_catalog_document"("namespace", "name", "display_name", "description", "tags", "status", "listed", "license_id", "task",
        "public_formats", "all_formats", "public_parameters", "all_parameters")
) STORED;
CREATE INDEX "models_search_vector_idx" ON "models" USING GIN ("search_vector");
