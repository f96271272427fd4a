"""Files to articles: reading, front matter, blocks, page junk, the Article model, discovery."""
