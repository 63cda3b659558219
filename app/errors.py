"""Domain errors carrying a message in Vietnamese, ready to show to the user."""

# The base class lives in the database layer, which raises a few user-facing errors itself
# (a busy or read-only database); every ``except DomainError`` catches those too.
from db.errors import DatabaseBusyError, DatabaseReadOnlyError, DomainError  # noqa: F401


class ValidationError(DomainError):
    """Bad input. ``field`` names the form field (or sheet/row/column) at fault."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class NotFoundError(DomainError):
    pass


class InUseError(DomainError):
    """A record cannot be deleted because others point at it."""


class ReadOnlyError(DomainError):
    """Issued decisions and register entries are never edited in place."""


class DatabaseInUseError(DomainError):
    """Another copy of the app (a window or a writing command) has the database file open."""


class FileInUseError(DomainError):
    """An output file could not be replaced: another program (Word, Excel) holds it open."""


# The database layer raises it (a newer or foreign file); re-exported for app and ui.
from db.errors import ProtectedRowError  # noqa: F401 - a trigger refused an edit
from db.errors import SchemaError as DatabaseVersionError  # noqa: F401
