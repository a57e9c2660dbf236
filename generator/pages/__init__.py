"""Pages: views of the content, rendered to Markdown with the templates in ``templates/``. Imports only content."""
