"""OneRoster 1.2 CSV bundles both ways: export from a provider, validate, read, and import.

A bundle is a directory or zip file with ``manifest.csv`` and one CSV file per kind of
record, as the 1EdTech *OneRoster 1.2 CSV Binding* describes. This package

- writes one from any provider (:func:`export_bundle`: bulk, referentially closed, or delta);
- checks one against the binding (:func:`validate_bundle`: ``file:line: column: message``);
- reads one into the same typed models as the REST client (:func:`read_bundle`), streaming;
- pushes one into a provider that accepts writes (:func:`import_bundle`), resumably.

The ``oneroster`` command offers the same as ``oneroster export``, ``oneroster csv validate``
and ``oneroster import``. (The package is ``oneroster.csv``; ``import csv`` anywhere still
means the standard library's module: imports are absolute.)

Example:
    ```python
    from oneroster import OneRoster
    from oneroster.csv import export_bundle, import_bundle, read_bundle, validate_bundle

    with OneRoster.from_env() as client:
        export_bundle(client, out_dir="roster")
    assert validate_bundle("roster").ok
    users = [record for record in read_bundle("roster", files=["users"])]
    ```

"""

from oneroster.csv.binding import FILES, MANIFEST_FILES, row_values
from oneroster.csv.bundle import Bundle, BundleError
from oneroster.csv.export import ExportProgress, ExportReport, export_bundle, stream_records
from oneroster.csv.importer import FileCounts, ImportProgress, ImportReport, RowIssue, import_bundle
from oneroster.csv.reader import BundleReader, Item, read_bundle
from oneroster.csv.validate import Problem, ValidationResult, validate_bundle

__all__ = [
    "FILES",
    "MANIFEST_FILES",
    "Bundle",
    "BundleError",
    "BundleReader",
    "ExportProgress",
    "ExportReport",
    "FileCounts",
    "ImportProgress",
    "ImportReport",
    "Item",
    "Problem",
    "RowIssue",
    "ValidationResult",
    "export_bundle",
    "import_bundle",
    "read_bundle",
    "row_values",
    "stream_records",
    "validate_bundle",
]
