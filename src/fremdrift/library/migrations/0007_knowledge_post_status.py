from django.db import migrations, models


def unpublished_become_withdrawn(apps, schema_editor):
    apps.get_model("library", "KnowledgePost").objects.filter(is_published=False).update(status="withdrawn")


def withdrawn_become_unpublished(apps, schema_editor):
    apps.get_model("library", "KnowledgePost").objects.filter(status="withdrawn").update(is_published=False)


class Migration(migrations.Migration):
    """A knowledge post's published flag becomes a status in the process engine; nothing is lost."""

    dependencies = [
        ("library", "0006_case_can_be_withdrawn"),
    ]

    operations = [
        migrations.AddField(
            model_name="knowledgepost",
            name="status",
            field=models.CharField(
                choices=[("published", "Published"), ("withdrawn", "Withdrawn")],
                default="published",
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.RunPython(unpublished_become_withdrawn, withdrawn_become_unpublished),
        migrations.RemoveField(model_name="knowledgepost", name="is_published"),
    ]
