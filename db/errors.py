"""Errors of the database layer; messages are Vietnamese sentences for the user."""


class SchemaError(Exception):
    """The file is not this app's database, is damaged, or was made by a newer version."""


class ProtectedRowError(Exception):
    """A database trigger refused to change the legal record (an issued decision, a register
    entry); the message is the trigger's Vietnamese sentence."""
