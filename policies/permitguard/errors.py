class PermitguardError(Exception):
    """Base of every error permitguard reports to a user (exit code 2)."""


class CatalogError(PermitguardError):
    """A packaged or user data file (region, resource-type or rule catalog) is invalid."""


class ProfileError(PermitguardError):
    """The licence profile is missing, unparseable or invalid."""


class InputError(PermitguardError):
    """An input to scan is missing, unreadable or unparseable."""


class OutputError(PermitguardError):
    """A report or findings file cannot be written where --output/--json-output asks."""
