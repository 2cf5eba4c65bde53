from django.contrib import admin

from fremdrift.core.admin import ReadOnlyAdmin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """Readable, never editable: the trail is append-only. The changes themselves are read on an
    organisation's audit page, where fields sealed to the reader are redacted (`audit.reading`)."""

    list_display = ["at", "actor_label", "action", "content_type", "object_id"]
    list_filter = ["action", "content_type"]
    search_fields = ["actor_label", "reason"]
    exclude = ["changes", "object_repr"]
