"""Reading a published IKU document's text into a draft content file for an editor to review.

A layer between ``content`` (the model and the catalogues it matches against) and ``cli``
(``iku import``): it imports from ``generator.content`` only.
"""
