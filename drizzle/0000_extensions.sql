-- Trigram similarity (typo-tolerant names) and accent folding (Gérard = Gerard) for search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
