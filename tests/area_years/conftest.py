"""The report tests' Builder (``build`` fixture) for the area figures tests."""

from tests.reports.conftest import Builder, build  # noqa: F401
