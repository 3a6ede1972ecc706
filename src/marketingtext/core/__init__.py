"""The definitions everything shares: errors, the version, atomic file writing, text pieces, pausing the cycle
collector."""
