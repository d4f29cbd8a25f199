-- The warehouse file, read-only, as the source of a compacting copy (Warehouse.compact);
-- {source} is the quoted file path (ATTACH takes no parameter).
attach {source} as compact_source (read_only)
