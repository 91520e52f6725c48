-- Concept tagging lives beside the data so that every write path (profiles, imports, demo seed) tags the
-- same way: an organisation carries the glossary concepts whose terms occur, as phrases, in its texts.
-- Only the organisation's own texts count (weights A-C): the titles of its codes (weight D) are broad
-- ("Filters and filtering materials") and would give every organisation of an area its narrow concepts.
-- The lexeme overlap (GIN-indexed) picks the few candidate terms; the phrase match decides.
CREATE FUNCTION glossary_concepts_of(document tsvector) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(DISTINCT t.concept_code ORDER BY t.concept_code), '{}')
  FROM (SELECT ts_filter(document, '{a,b,c}') AS own) d, glossary_terms t
  WHERE NOT t.removed AND t.lexemes && tsvector_to_array(d.own) AND d.own @@ t.query
$$;--> statement-breakpoint
CREATE FUNCTION organisations_tag() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.concept_codes := glossary_concepts_of(NEW.search_vector);
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER organisations_tag BEFORE INSERT OR UPDATE OF search_vector ON organisations
  FOR EACH ROW EXECUTE FUNCTION organisations_tag();
