"""Content: the model, reading and validating YAML, checks across files, history. Imports no other group."""
