"""Streamlit pages; they only call services and always show document text escaped."""
