"""Side-by-side comparison of two reports: sentences, quotations, alignment."""
