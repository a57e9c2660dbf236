"""Temporary helper for transcription: validate YAML files against the content model."""
import sys, yaml
from pydantic import TypeAdapter, ValidationError
from generator.model import Document, RegionCatalogue, RegulationCatalogue

for path in sys.argv[1:]:
    data = yaml.safe_load(open(path, encoding="utf-8"))
    if path.endswith("wilayah.yml"):
        adapter = TypeAdapter(RegionCatalogue)
    elif path.endswith("regulasi.yml"):
        adapter = TypeAdapter(RegulationCatalogue)
    else:
        adapter = TypeAdapter(Document)
    try:
        adapter.validate_python(data)
        print("OK", path)
    except ValidationError as e:
        print("FAIL", path, e)
