"""Domain errors carrying a message in Vietnamese, ready to show to the user."""


class DomainError(Exception):
    """Base class: ``str(err)`` is a complete Vietnamese sentence for the user."""


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


# The database layer raises it (a newer or foreign file); re-exported for app and ui.
from db.errors import ProtectedRowError  # noqa: F401 - a trigger refused an edit
from db.errors import SchemaError as DatabaseVersionError  # noqa: F401
