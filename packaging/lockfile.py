"""requirements.lock: exact versions with hashes of everything the app, the tests and the build
install, for every platform (Windows wheels' hashes included).

Read by packaging/build.py (the environment it freezes must match the lock), by packaging/lock.py
(which rewrites it) and by tests/packaging/test_lock.py (pyproject.toml and the lock agree).
Uses only `packaging` (a locked dev/build dependency) and the standard library.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
PYPROJECT = ROOT / "pyproject.toml"
REFRESH = "make lock"  # what a person runs after changing pyproject.toml's dependencies


@dataclass(frozen=True)
class Pin:
    name: str  # canonical: lower case, "-" separators
    version: str
    marker: Marker | None
    hashes: tuple[str, ...]

    def applies(self, environment: dict[str, str] | None = None) -> bool:
        """Is this pin installed on this platform (or on the one ``environment`` describes)?"""
        return self.marker is None or self.marker.evaluate(environment)


def _logical_lines(text: str) -> list[str]:
    """Join backslash continuations and drop comments, as pip reads the file."""
    lines, current = [], ""
    for raw in text.splitlines():
        line = re.sub(r"(^|\s)#.*$", "", raw).rstrip()
        if line.endswith("\\"):
            current += line[:-1] + " "
            continue
        current += line
        if current.strip():
            lines.append(current.strip())
        current = ""
    return lines


def read_lock(path: Path = LOCK) -> list[Pin]:
    pins = []
    for line in _logical_lines(path.read_text(encoding="utf-8")):
        hashes = tuple(re.findall(r"--hash=(\S+)", line))
        requirement = Requirement(re.sub(r"\s*--hash=\S+", "", line))
        specs = list(requirement.specifier)
        if len(specs) != 1 or specs[0].operator != "==":
            raise ValueError(f"{path.name}: {requirement.name} is not pinned with ==: {line}")
        pins.append(Pin(canonicalize_name(requirement.name), specs[0].version,
                        requirement.marker, hashes))
    return pins


def declared_requirements(pyproject: Path = PYPROJECT) -> list[Requirement]:
    """Every dependency pyproject.toml declares: runtime, each extra, and the build backend."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    texts = list(data["project"].get("dependencies", []))
    for extra in data["project"].get("optional-dependencies", {}).values():
        texts += extra
    texts += data.get("build-system", {}).get("requires", [])
    return [Requirement(t) for t in texts]


def disagreements(pins: list[Pin], declared: list[Requirement]) -> list[str]:
    """Why pyproject.toml and the lock disagree (empty when they agree)."""
    by_name: dict[str, list[Pin]] = {}
    for pin in pins:
        by_name.setdefault(pin.name, []).append(pin)
    problems = [f"{pin.name}=={pin.version} has no --hash" for pin in pins if not pin.hashes]
    for req in declared:
        name = canonicalize_name(req.name)
        locked = by_name.get(name)
        if not locked:
            problems.append(f"{req} is declared in pyproject.toml but missing from the lock")
            continue
        for pin in locked:
            if not req.specifier.contains(Version(pin.version), prereleases=True):
                problems.append(f"{req} is declared but the lock pins {name}=={pin.version}")
    return problems


def environment_mismatches(pins: list[Pin]) -> list[str]:
    """Locked distributions of this platform that are missing or at another version here."""
    problems = []
    for pin in pins:
        if not pin.applies():
            continue
        try:
            installed = metadata.version(pin.name)
        except metadata.PackageNotFoundError:
            problems.append(f"{pin.name}=={pin.version} is not installed")
            continue
        if Version(installed) != Version(pin.version):
            problems.append(f"{pin.name} is {installed}, the lock says {pin.version}")
    return problems
