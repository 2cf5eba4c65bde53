from django.db import migrations


class Migration(migrations.Migration):
    """The project's "how it serves the bottom lines" takes the application's name for it."""

    dependencies = [
        ("projects", "0002_sources"),
    ]

    operations = [
        migrations.RenameField(model_name="project", old_name="bottom_lines", new_name="criteria_how"),
    ]
