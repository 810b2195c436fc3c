"""The project's own exceptions: every failure a user can cause or meet is one of these."""


class RepackageError(Exception):
    """Base class: a one-line, user-facing reason. The CLI prints it and exits 1."""


class InputError(RepackageError):
    """The article (or another input file) cannot be read or holds nothing usable."""


class ConfigError(RepackageError):
    """A template, script or option value is invalid."""


class DependencyError(RepackageError):
    """Something the tool needs at run time (a font, a binary, a model) is missing."""


class NetworkError(RepackageError):
    """A remote service failed after every retry."""


class LockedError(RepackageError):
    """Another run holds the output folder."""
