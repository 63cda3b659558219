"""Use cases. Each function takes the open ``Database`` (or a Session for composition), owns
its transaction, and returns plain frozen dataclasses — never live ORM objects — to callers."""
