"""The CSV export used by ``oneroster export``; it lives in :mod:`oneroster.csv` (kept here for old imports).

Example:
    ```python
    from oneroster.cli.csv_bundle import export_bundle   # same as oneroster.csv.export_bundle
    ```

"""

from oneroster.csv.binding import FILES, MANIFEST_FILES, SOURCES, row_values
from oneroster.csv.export import ExportProgress, ExportReport, export_bundle, stream_records

__all__ = [
    "FILES",
    "MANIFEST_FILES",
    "SOURCES",
    "ExportProgress",
    "ExportReport",
    "export_bundle",
    "row_values",
    "stream_records",
]
