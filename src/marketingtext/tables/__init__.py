"""Parsed documents to DataFrames: sentences, documents, comparison, kwic, collocations, n-grams, report data."""
