from datetime import time

from . import tasks
from .periodic import Job

PERIODIC = [
    Job("background.prune", tasks.prune, at=time(3, 0)),
]
