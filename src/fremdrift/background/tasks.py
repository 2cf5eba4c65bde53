from datetime import timedelta

from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from .models import OutgoingEmail

# A finished task's result is for finding out why something went wrong last week, not last year.
KEEP_TASK_RESULTS = timedelta(days=14)
# A sent e-mail holds personal data (names, what was decided about whom); it is kept long enough to answer
# "did the mail go out?", then deleted. Queued and failed ones stay until they are sent or sent again.
KEEP_SENT_EMAIL = timedelta(days=30)


@task
def prune() -> dict:
    """Delete what the worker no longer needs; how many of each."""
    now = timezone.now()
    results, _ = DBTaskResult.objects.finished().filter(finished_at__lte=now - KEEP_TASK_RESULTS).delete()
    emails, _ = OutgoingEmail.objects.filter(
        state=OutgoingEmail.State.SENT, sent_at__lte=now - KEEP_SENT_EMAIL
    ).delete()
    return {"task_results": results, "sent_emails": emails}
