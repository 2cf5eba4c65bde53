"""Language-aware terms for full-text search, in plain Python (no Django).

Documents are stemmed in their own language; a query is stemmed in every supported language,
so "pårørende" finds "pårørendes" and "anhöriga" finds "anhörig", and the same index gives the
same answers on SQLite and PostgreSQL.
"""

from .terms import LANGUAGES, document_terms, highlight_passage, query_terms, tokenize

__all__ = ["LANGUAGES", "document_terms", "highlight_passage", "query_terms", "tokenize"]
