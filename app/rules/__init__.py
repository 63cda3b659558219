"""Rules as data, and the eligibility checks that read them (advice with reasons and legal
basis, never a silent block).

Where the rules live: the rule packs in resources/rules (national pack + the province's pack,
versioned; app/rules/packs.py), installed into each database and updated only with the
officer's consent (update.py plans, apply.py applies, audited); dated rows (coefficients, who
decides, căn cứ lines, quorum, provincial settings) are read for a day by store.py; every rule
with its source and dates is listed by in_force.py (screen "Quy định đang áp dụng", ``tdkt
rules show``); the căn cứ lines of decisions come from bases.py.

The eligibility rules are data on each AwardKind:

- ``prerequisites`` (dict, all keys optional):
  ``same_year``: [codes] — the subject must hold (or be proposed for) these awards that year;
  ``any_of``: ["htxsnv", "initiative", "research"] — at least one of: hoàn thành xuất sắc
  nhiệm vụ, a recognised initiative, an accepted research topic (CSTĐCS, Law Điều 23);
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
- ``vote_threshold`` (percent), ``vote_strict`` ("more than" rather than "at least") and
  ``vote_base`` ("present" / "all"): the council vote.

The principles of Nghị định 152/2025/NĐ-CP Điều 4 (principles.py) read the record fields
(discipline, inspection, complaint, maternity leave, women members) and the batch kinds
(đột xuất / chuyên đề awards are no basis for a regular award proposed upward).

Use :func:`evaluate_batch` (findings per candidate) and :func:`streak_suggestions`.
"""

from app.rules.engine import evaluate_batch, streak_suggestions  # noqa: F401
from app.rules.findings import Finding, Suggestion  # noqa: F401
