from django.db import migrations


class Migration(migrations.Migration):
    """The indicator's baseline takes the name it has on the application's indicator."""

    dependencies = [
        ("measurement", "0002_initial"),
    ]

    operations = [
        migrations.RenameField(model_name="indicator", old_name="baseline_value", new_name="baseline"),
    ]
