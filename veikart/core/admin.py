"""What every admin of Veikart shares (the admin site itself is ``veikart.accounts.admin_site``)."""

from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):
    """The admin of a model with history, where saving a change form with nothing changed writes nothing.

    Django's admin saves the object on every "Save" and django-simple-history
    records every save, so an unchanged save would add a history record with
    no difference in it. Many-to-many fields and inlines are already written
    by Django only where they changed.
    """

    def save_model(self, request, obj, form, change):
        if change and not form.has_changed():
            return
        super().save_model(request, obj, form, change)
