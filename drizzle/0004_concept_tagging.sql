-- Concept tagging lives beside the data so that every write path (profiles, imports, demo seed) tags the
-- same way: an organisation carries the glossary concepts whose terms occur, as phrases, in its texts.
-- The lexeme overlap (GIN-indexed) picks the few candidate terms; the phrase match decides.
CREATE FUNCTION glossary_concepts_of(doc tsvector) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(DISTINCT t.concept_code ORDER BY t.concept_code), '{}')
  FROM glossary_terms t
  WHERE NOT t.removed AND t.lexemes && tsvector_to_array(doc) AND doc @@ t.query
$$;--> statement-breakpoint
CREATE FUNCTION organisations_tag() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.concept_codes := glossary_concepts_of(NEW.search_vector);
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER organisations_tag BEFORE INSERT OR UPDATE OF search_vector ON organisations
  FOR EACH ROW EXECUTE FUNCTION organisations_tag();
