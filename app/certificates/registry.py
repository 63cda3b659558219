"""The one place certificate templates are registered, and the loaders of their data files.

A template is a JSON file in resources/certificates/templates/; a layout (the full design's
field positions, or one pre-printed blank model) a JSON file in resources/certificates/layouts/.
To add a template: write its JSON file and add one line to TEMPLATES (see README.md).
"""

from __future__ import annotations

import json
from functools import cache

from app.certificates.model import Layout, Template, field_from_dict
from app.paths import resource_path

# AwardKind.certificate_template → template data file. One line per template.
TEMPLATES = {
    "giay_khen": "giay_khen.json",  # Giấy khen: cá nhân, tập thể, hộ gia đình, khu dân cư
    "ldtt": "ldtt.json",  # Lao động tiên tiến
    "cstdcs": "cstdcs.json",  # Chiến sĩ thi đua cơ sở
    "ttldtt": "ttldtt.json",  # Tập thể lao động tiên tiến
    "gdvh": "gdvh.json",  # Gia đình văn hóa
    "kdcvh": "kdcvh.json",  # Khu dân cư văn hóa
}


class UnknownTemplate(KeyError):
    pass


def _read(*parts: str) -> dict:
    with open(resource_path("certificates", *parts), encoding="utf-8") as fh:
        return json.load(fh)


@cache
def get_template(name: str) -> Template:
    if name not in TEMPLATES:
        raise UnknownTemplate(name)
    data = _read("templates", TEMPLATES[name])
    return Template(
        name=name, label=data["label"], verb=data["verb"], title=data["title"],
        title_size=float(data["title_size"]), palette=data["palette"],
        full_layout=data["full_layout"], blank_layout=data["blank_layout"],
        subject_types=tuple(data["subject_types"]), citations=dict(data["citations"]),
        subtitle=data.get("subtitle", ""),
    )


@cache
def get_layout(name: str) -> Layout:
    data = _read("layouts", f"{name}.json")
    return Layout(
        name=name, label=data["label"], page_mm=tuple(data["page_mm"]),
        fields=tuple(field_from_dict(f) for f in data["fields"]),
        by_subject=data.get("by_subject", {}), flow_bottom=data.get("flow_bottom"),
        short_label=data.get("short_label") or data["label"],
    )


@cache
def layout_extras(name: str) -> dict:
    """The parts of a layout file only the full design uses: static text and art positions."""
    data = _read("layouts", f"{name}.json")
    return {"static": tuple(field_from_dict(f) for f in data.get("static", [])),
            "art": data.get("art", {})}


def template_names() -> list[str]:
    return list(TEMPLATES)


def blank_models() -> list[str]:
    """The blank (phôi) layouts in use, in template order, without repeats."""
    return list(dict.fromkeys(get_template(n).blank_layout for n in TEMPLATES))
