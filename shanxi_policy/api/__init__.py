"""HTTP API (FastAPI): the same services as the CLI and the app, behind API tokens and an audit log."""
