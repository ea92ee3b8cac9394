"""Thin spaCy components that run eventx's matchers and attach their results to the Doc."""
