"""Answer layer: extractive answers with citations, and refusal when the documents are silent."""
