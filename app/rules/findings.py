"""What the rules report: findings (per candidate) and suggestions (new candidates)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

WARNING = "warning"  # the council should look at it before voting
INFO = "info"  # worth knowing; nothing to fix


@dataclass(frozen=True)
class Finding:
    """One piece of advice about a candidate, with its reason and legal basis in Vietnamese."""

    code: str  # duplicate_award, prerequisite, initiative, consecutive, quota, streak,
    #            duplicate_person, subject_type, upper_level, vote
    level: str  # WARNING / INFO
    message: str
    legal_basis: str = ""

    def as_dict(self) -> dict:
        """JSON form stored on Candidate.findings."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Finding:
        """Inverse of :meth:`as_dict`."""
        return cls(data["code"], data["level"], data["message"], data.get("legal_basis", ""))


@dataclass(frozen=True)
class Suggestion:
    """A subject the rules suggest proposing (e.g. Gia đình văn hóa 5 years running)."""

    subject_id: int
    subject_name: str
    award_code: str
    award_name: str
    reason: str
    legal_basis: str = ""
    of_total: int = 0  # how many subjects qualified before the rule's cap (0: not counted)
