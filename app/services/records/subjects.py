"""What every subject of an award shares: its name forms, type labels, display line."""

from __future__ import annotations

from app import text
from db.models import Household, Person, Subject

# Vietnamese labels of subject types, for lists, filters and documents.
SUBJECT_TYPE_LABELS = {
    "person": "Cá nhân",
    "collective": "Tập thể",
    "household": "Hộ gia đình",
    "area": "Khu dân cư",
}
# Statistics put residential areas with collectives (tập thể).
STAT_GROUP = {"person": "Cá nhân", "collective": "Tập thể", "household": "Hộ gia đình",
              "area": "Tập thể"}


def apply_name(subject: Subject, name: str) -> None:
    """Set a subject's name and the forms search and sorting use. Call on every insert/update."""
    forms = name_forms(name, isinstance(subject, (Person, Household)))
    subject.name, subject.name_folded, subject.sort_key = (
        forms["name"], forms["name_folded"], forms["sort_key"])


def name_forms(name: str, person_name: bool) -> dict[str, str]:
    """The name and the forms search and sorting use, as columns (for bulk inserts); a
    person's or a household head's name sorts by given name."""
    clean = text.nfc(name)
    return {"name": clean, "name_folded": text.fold(clean),
            "sort_key": text.name_sort_key(clean) if person_name else text.text_sort_key(clean)}
