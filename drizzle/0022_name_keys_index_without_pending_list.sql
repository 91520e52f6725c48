-- hand-edited from drizzle-kit's DROP and CREATE (a rebuild of the index at a million rows): the same index,
-- its option changed in place and the entries still pending merged into its tree
ALTER INDEX "organisations_name_keys_idx" SET (fastupdate = false);--> statement-breakpoint
SELECT gin_clean_pending_list('organisations_name_keys_idx');
