-- Concept tagging lives beside the data so that every write path (profiles, imports, demo seed) tags the
-- same way: an organisation carries the glossary concepts whose terms occur, as phrases, in its texts.
-- Only the organisation's own texts count (weights A-C): the titles of its codes (weight D) are broad
-- ("Filters and filtering materials") and would give every organisation of an area its narrow concepts.
-- Each of the document's lexemes looks up the terms keyed by it (an index or a hash join: cheap), which
-- picks the few candidate terms; the phrase match decides.
CREATE FUNCTION glossary_concepts_of(document tsvector) RETURNS text[] LANGUAGE plpgsql STABLE AS $$
DECLARE
  own tsvector := ts_filter(document, '{a,b,c}');
BEGIN
  RETURN coalesce(
    (SELECT array_agg(DISTINCT t.concept_code ORDER BY t.concept_code)
       FROM unnest(tsvector_to_array(own)) AS l(lexeme)
       JOIN glossary_terms t ON t.key_lexeme = l.lexeme
      WHERE NOT t.removed AND own @@ t.query),
    '{}');
END
$$;--> statement-breakpoint
CREATE FUNCTION organisations_tag() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.concept_codes := glossary_concepts_of(NEW.search_vector);
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER organisations_tag BEFORE INSERT OR UPDATE OF search_vector ON organisations
  FOR EACH ROW EXECUTE FUNCTION organisations_tag();
