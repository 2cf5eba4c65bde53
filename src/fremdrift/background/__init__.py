"""Work done outside the request: the queue of outgoing e-mail, periodic jobs, and the worker that runs both.

- Tasks are `django_tasks` tasks (the backport of the task framework Django 6 ships): a module-level
  function decorated with `@task`, enqueued with `.enqueue(...)`, run by `fremdrift worker`.
- Outgoing e-mail: `fremdrift.core.mail.send` stores each message as an `OutgoingEmail` and the worker
  delivers it, retrying with back-off (`core.mail` says how).
- Periodic jobs: an app lists `PERIODIC = [Job(...)]` in its `jobs.py`; the worker enqueues each when it is
  due (`periodic`).
"""
