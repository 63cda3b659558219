"""Folded-name search over subjects: FTS5 prefix queries on SQLite, LIKE elsewhere.

Tokens must already be folded (app.text.fold_tokens): the database never folds."""

from __future__ import annotations

from sqlalchemy import and_, bindparam, or_, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from db.models import Subject


def fts_query(tokens: list[str]) -> str:
    """Each token as a quoted prefix, ANDed: ["ng", "an"] → '"ng"* "an"*'."""
    return " ".join(f'"{t}"*' for t in tokens if t.isalnum())


def subject_name_matches(session: Session, tokens: list[str], id_column=Subject.id) -> ColumnElement:
    """A WHERE clause: the subject whose id is ``id_column`` has every token as a word prefix."""
    tokens = [t for t in tokens if t.isalnum()]
    if not tokens:
        return text("1=1")
    if session.get_bind().dialect.name == "sqlite":
        sub = text("SELECT rowid FROM subject_fts WHERE subject_fts MATCH :q").bindparams(
            bindparam("q", fts_query(tokens))
        )
        return id_column.in_(sub)
    clauses = [
        or_(Subject.name_folded.like(f"{t}%"), Subject.name_folded.like(f"% {t}%")) for t in tokens
    ]
    return id_column.in_(session.query(Subject.id).filter(and_(*clauses)).scalar_subquery())
