"""Fremdrift: innovation and improvement work for municipal welfare organisations."""
