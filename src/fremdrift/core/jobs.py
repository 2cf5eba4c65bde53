from datetime import timedelta

from fremdrift.background.periodic import Job

from . import mail

PERIODIC = [
    # Retries, and any message whose own delivery task was lost, go out within a minute of being due.
    Job("mail.sweep", mail.sweep, every=timedelta(minutes=1)),
]
