"""Writing the OCDS release package, checked first against the schema kept in the package.

The schema (``resources/ocds/release-package-subset.schema.json``) is our own: it
describes exactly the fields the export writes, after the documented structure of OCDS
1.1 and its sustainability extension (both Apache License 2.0; neither is copied). A
package that does not pass is never written.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from app import locator
from app.domain.errors import ValidationError
from app.io.files import write_atomically

SCHEMA_FILE = "ocds/release-package-subset.schema.json"


@functools.cache
def schema() -> dict[str, Any]:
    data = json.loads(locator.resource_text(SCHEMA_FILE))
    assert isinstance(data, dict)
    return data


def problems(package: Any) -> list[str]:
    """Every place where ``package`` does not pass the schema, as ``path: message``."""
    from jsonschema import Draft7Validator

    validator = Draft7Validator(schema())
    found = []
    for error in sorted(validator.iter_errors(package), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in error.absolute_path) or "(package)"
        found.append(f"{where}: {error.message}")
    return found


def write_package(package: dict[str, Any], path: Path) -> Path:
    """Check and write atomically (a failure leaves any earlier file as it was)."""
    found = problems(package)
    if found:
        raise ValidationError("ocds_invalid", problem=found[0], count=len(found))
    text = json.dumps(package, ensure_ascii=False, indent=2) + "\n"
    return write_atomically(path, text.encode("utf-8"))
