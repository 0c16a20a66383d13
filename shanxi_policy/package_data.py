"""Package data (shanxi_policy/data/): lexicons, tables and fitted settings shipped with the code."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

# libyaml parses the large lexicons several times faster than the pure-Python loader.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_text(name: str) -> str:
    return resources.files("shanxi_policy").joinpath("data", name).read_text(encoding="utf-8")


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_YAML_LOADER)
