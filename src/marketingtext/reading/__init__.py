"""Files to clean text: decoding, folder walking, web boilerplate, the source list, and one reader per file format."""
