"""The schema version shown to users never goes down when branches merge their migrations out
of order (0006_rules re-chained after 0009_certificate_design)."""

from alembic.script import ScriptDirectory

from db.migrate import alembic_config, head_revision, schema_number


def test_schema_number_is_the_highest_number_up_to_the_revision():
    script = ScriptDirectory.from_config(alembic_config())
    chain = [r.revision for r in reversed(list(script.walk_revisions()))]  # oldest first
    numbers = [schema_number(r) for r in chain]
    assert numbers == sorted(numbers)  # never decreasing along the history
    highest = max(int(r.split("_")[0]) for r in chain)
    assert schema_number(head_revision()) == highest
    assert schema_number("9999_future") == 9999  # a newer database's own number
    assert schema_number(None) == 0
