//! The knowledge base: guides (Markdown with front matter), the search index, ranking and evaluation.
