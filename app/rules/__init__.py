"""Eligibility rules: advice with reasons and legal basis, never a silent block.

The rules are data on each AwardKind (seeded from resources/rules/award_kinds.json):

- ``prerequisites`` (dict, all keys optional):
  ``same_year``: [codes] — the subject must hold (or be proposed for) these awards that year;
  ``initiative``: true — a recognised sáng kiến authored by the person
  (``initiative_years``: how many years back count, default 1 = the same year);
  ``initiative_scope``: "tỉnh" — the sáng kiến must have at least this scope;
  ``consecutive``: {"award": code, "years": n} — n consecutive years of that award;
  ``streak_suggestion``: {"years": n, "suggest": code, "skip_if_awarded_years": w, "max": m} —
  holders of this award n years running are suggested for ``suggest``, except those who
  received it in the last w years (default n); longest streaks first, at most m (no cap when
  absent); ``legal_basis``: source text cited by every finding above.
- ``quota``: {"max_share": 0.15, "of_award": code, "legal_basis": …} — at most that share of
  the batch's candidates (or holders) of ``of_award``.
- ``vote_threshold`` (percent) and ``vote_base`` ("present" / "all"): the council vote.

Use :func:`evaluate_batch` (findings per candidate) and :func:`streak_suggestions`.
"""

from app.rules.engine import evaluate_batch, streak_suggestions  # noqa: F401
from app.rules.findings import Finding, Suggestion  # noqa: F401
