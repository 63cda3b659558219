"""Entry script of the frozen executables (tdkt and tdkt-cli): the same ``tdkt`` command line."""

import multiprocessing

from app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless unless a worker process is ever spawned
    raise SystemExit(main())
