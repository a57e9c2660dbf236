"""The IKU portal generator, in four groups the data flows through, each importing only those before it:
``content`` → ``pages`` → ``publishing`` → ``cli`` (tests/test_layout.py holds them to it).
"""

from pathlib import Path

# The one folder of templates. It sits with the pages that render it; it is declared here, at the
# root every group may read, because content's anchors also reads it (the ids a document page
# writes are reserved for no indicator): a file read, never an import of pages from content.
TEMPLATES = Path(__file__).parent / "pages" / "templates"
