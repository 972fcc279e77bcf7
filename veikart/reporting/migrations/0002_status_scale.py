from django.db import migrations


def add_scale(apps, schema_editor):
    from veikart.reporting.scale import AREAS, COLOURS

    StatusColour = apps.get_model("reporting", "StatusColour")
    StatusArea = apps.get_model("reporting", "StatusArea")
    for colour in COLOURS:
        StatusColour.objects.get_or_create(key=colour["key"], defaults=colour)
    for area in AREAS:
        StatusArea.objects.get_or_create(key=area["key"], defaults=area)


class Migration(migrations.Migration):
    dependencies = [("reporting", "0001_initial")]

    operations = [migrations.RunPython(add_scale, migrations.RunPython.noop)]
