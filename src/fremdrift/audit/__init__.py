"""The audit trail: who did what to which domain object, when, and why."""

from .tracking import acting_as, current_context, is_registered, record, register, service

__all__ = ["acting_as", "current_context", "is_registered", "record", "register", "service"]
