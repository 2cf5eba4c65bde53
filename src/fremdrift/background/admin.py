from django.contrib import admin

from fremdrift.core.admin import ReadOnlyAdmin

from .models import OutgoingEmail, PeriodicJob


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "subject", "state", "attempts", "next_attempt_at", "sent_at"]
    list_filter = ["state", "template"]
    search_fields = ["subject", "message_id"]


@admin.register(PeriodicJob)
class PeriodicJobAdmin(ReadOnlyAdmin):
    list_display = ["name", "last_run_at", "next_run_at"]
