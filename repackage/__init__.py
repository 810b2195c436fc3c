"""repackage: one stored Arabic news article in, a podcast episode, quote cards and thread drafts out."""

__version__ = "0.1.0"
