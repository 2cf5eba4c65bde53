"""English as Fremdrift's readers write it (British English, in Europe): "31 Oct 2025", "31/10/2025",
24-hour times. Django's "en" formats are American ("Oct. 31, 2025", "10/31/2025", "4 p.m.")."""

from django.conf.locale.en_GB.formats import *  # noqa: F403

DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
TIME_FORMAT = "H:i"
