"""Developer tool: ``python -m db.make_migration "message"`` autogenerates a new migration
from the models against a scratch database at the current head."""

import sys
import tempfile
from pathlib import Path

from alembic import command

from db.migrate import alembic_config, open_database


def main(message: str, rev_id: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "scratch.sqlite")
        cfg = alembic_config()
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.revision(cfg, message=message, autogenerate=True, rev_id=rev_id)
        db.dispose()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
