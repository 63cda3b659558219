"""Query functions: take a Session, filter and order in SQL, return ids or plain rows."""
