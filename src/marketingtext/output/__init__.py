"""Tables to files, terminal reports and the HTML report (computes nothing)."""
