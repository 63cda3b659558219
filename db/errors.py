"""Errors of the database layer; messages are Vietnamese sentences for the user."""


class DomainError(Exception):
    """Base class of every error whose ``str()`` is a complete Vietnamese sentence for the user.

    It lives here so the database layer can raise the few user-facing errors it knows about
    (a file another program keeps locked, a database opened read-only); app.errors re-exports
    it and builds the domain's errors on it, so ``except DomainError`` catches both."""


class SchemaError(Exception):
    """The file is not this app's database, is damaged, or was made by a newer version."""


class ProtectedRowError(Exception):
    """A database trigger refused to change the legal record (an issued decision, a register
    entry); the message is the trigger's Vietnamese sentence."""


class DatabaseBusyError(DomainError):
    """Another program kept the database's write lock longer than we waited; nothing was
    written, and the same action can simply be tried again."""

    DEFAULT = ("Cơ sở dữ liệu đang bận: một chương trình khác đang ghi vào tệp. Chưa có gì "
               "được ghi; hãy chờ một lát rồi thử lại.")

    def __init__(self, message: str | None = None):
        super().__init__(message or self.DEFAULT)


class DatabaseReadOnlyError(DomainError):
    """A write on a database that is open read-only (read-only folder or file), or whose
    start-up check has not passed."""
