"""``is_staff`` follows the role from now on (``User.save``); bring the users saved before into line."""

from django.db import migrations
from django.db.models import Q


def is_staff_follows_role(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    may_use_admin = Q(is_active=True) & (Q(is_superuser=True) | Q(role="strategy_office"))
    User.objects.filter(may_use_admin).exclude(is_staff=True).update(is_staff=True)
    User.objects.exclude(may_use_admin).exclude(is_staff=False).update(is_staff=False)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_user_language_invited_at"),
    ]

    operations = [
        migrations.RunPython(is_staff_follows_role, migrations.RunPython.noop),
    ]
