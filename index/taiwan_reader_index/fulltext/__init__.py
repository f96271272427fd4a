"""The full-text index: schema, index folder, indexer, manifest, query, searcher, snippets, facets."""
