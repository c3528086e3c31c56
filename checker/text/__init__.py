"""Text: an article's content sentences, with pasted page chrome left out."""

from checker.text.boilerplate import content_spans, is_chrome_line
from checker.text.sentences import split_sentences

__all__ = ["content_spans", "is_chrome_line", "split_sentences"]
