"""Keywords: the terms of a document, the scoring methods, compounds, and the keyword table."""
