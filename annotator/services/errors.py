"""Errors a service reports to its caller (the command line or the window) as they are."""


class ServiceError(ValueError):
    """A request that cannot be done, with the reason in words for the user."""


class NotFound(ServiceError):
    pass


class Cancelled(Exception):
    """The user cancelled; nothing was written."""
