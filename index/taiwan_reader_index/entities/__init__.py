"""Named entities: recognition (spaCy or rules), a domain layer, linking of name
variants to one canonical entity, and a cache keyed by content hash."""
