"""Version comparison (修订对照): article-by-article alignment of two versions of a text."""

from .align import ArticleRef, Change, Comparison, compare_articles, compare_documents

__all__ = ["ArticleRef", "Change", "Comparison", "compare_articles", "compare_documents"]
