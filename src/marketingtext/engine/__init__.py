"""Texts to parsed Docs: batches in processes or on Dask, and the Doc and table caches."""
