"""Publishing: the pipeline in one call, the MkDocs adapter, the site build, its checks. Imports content and pages."""
