from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """For money, decisions and the audit trail: the admin reads them; every change goes through
    the services, which check permission, validate and record who did it and why."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
