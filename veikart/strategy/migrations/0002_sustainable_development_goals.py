"""The 17 UN Sustainable Development Goals, held as data (Norwegian and English titles)."""

from django.db import migrations

from veikart.strategy.sdg_data import SUSTAINABLE_DEVELOPMENT_GOALS as GOALS



def add_goals(apps, schema_editor):
    model = apps.get_model("strategy", "SustainableDevelopmentGoal")
    for number, title, title_en in GOALS:
        model.objects.update_or_create(number=number, defaults={"title": title, "title_en": title_en})


class Migration(migrations.Migration):
    dependencies = [("strategy", "0001_initial")]
    operations = [migrations.RunPython(add_goals, migrations.RunPython.noop)]
