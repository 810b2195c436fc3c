"""The podcast feed: every episode under an output folder as one RSS 2.0 feed with the
iTunes and Podcasting 2.0 namespaces (``OUT/feed.xml``)."""

from repackage.feed.build import write_feed

__all__ = ["write_feed"]
