"""Documents: a board's annual document of its cluster plans, and one plan, as PDF (Typst) and Word (python-docx)."""
