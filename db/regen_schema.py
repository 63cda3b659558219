"""Developer tool, before the first release only: rewrite migration 0001_initial from the
models (``python -m db.regen_schema``). After a release, add new numbered migrations instead
(``python -m db.make_migration "message" 0004_name``) so shipped databases upgrade."""

import shutil
import tempfile
from pathlib import Path

from alembic import command
from alembic.config import Config

from db.engine import Database
from db.migrate import MIGRATIONS_DIR


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        scripts = Path(tmp) / "migrations"
        (scripts / "versions").mkdir(parents=True)
        for name in ("env.py", "script.py.mako"):
            shutil.copy(MIGRATIONS_DIR / name, scripts / name)
        cfg = Config()
        cfg.set_main_option("script_location", str(scripts))
        db = Database(Path(tmp) / "empty.sqlite")
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.revision(cfg, message="initial schema", autogenerate=True, rev_id="0001_initial")
        db.dispose()
        (generated,) = (scripts / "versions").glob("0001_initial*.py")
        shutil.copy(generated, MIGRATIONS_DIR / "versions" / "0001_initial.py")
    print("db/migrations/versions/0001_initial.py rewritten from the models")


if __name__ == "__main__":
    main()
