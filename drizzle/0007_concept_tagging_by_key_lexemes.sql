-- The same concepts as before, found with one index scan for all of a document's lexemes instead of a
-- join that PostgreSQL ran as a scan of every term. With about 1,600 terms the planner still prefers that
-- scan (0.23 ms a record against 0.03 ms by the index), so the function turns it off for itself: re-tagging
-- after a glossary change and tagging on every write cost what the index lookup costs.
CREATE OR REPLACE FUNCTION glossary_concepts_of(document tsvector) RETURNS text[] LANGUAGE plpgsql STABLE
SET enable_seqscan = off AS $$
DECLARE
  own tsvector := ts_filter(document, '{a,b,c}');
BEGIN
  RETURN coalesce(
    (SELECT array_agg(DISTINCT t.concept_code ORDER BY t.concept_code)
       FROM glossary_terms t
      WHERE t.key_lexeme = ANY (tsvector_to_array(own)) AND NOT t.removed AND own @@ t.query),
    '{}');
END
$$;
