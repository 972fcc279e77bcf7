"""Demo organisations and one user per role.

Users get an unusable password unless ``demo_passwords`` is set, which
``make run`` does for local use; the password is documented in the README.
"""

from django.utils import translation

from veikart.accounts.models import Organisation, User
from veikart.core.demo import upsert
from veikart.core.text import norwegian_slugify

DEMO_PASSWORD = "veikart-demo-2026"  # noqa: S105 - documented local demo password

K = Organisation.Kind
ORGANISATIONS = [
    # (name, short name, kind, organisation number)
    ("Helsedirektoratet", "Hdir", K.DIRECTORATE, "983544622"),
    ("Norsk helsenett SF", "NHN", K.OTHER, "994598759"),
    ("Folkehelseinstituttet", "FHI", K.DIRECTORATE, "983744516"),
    ("Direktoratet for medisinske produkter", "DMP", K.DIRECTORATE, "974761122"),
    ("Helse Sør-Øst RHF", "Helse Sør-Øst", K.REGIONAL_HEALTH_AUTHORITY, "991324968"),
    ("Helse Vest RHF", "Helse Vest", K.REGIONAL_HEALTH_AUTHORITY, "983658725"),
    ("Helse Midt-Norge RHF", "Helse Midt-Norge", K.REGIONAL_HEALTH_AUTHORITY, "983658776"),
    ("Helse Nord RHF", "Helse Nord", K.REGIONAL_HEALTH_AUTHORITY, "883658752"),
    ("KS", "KS", K.ASSOCIATION, "971032146"),
    ("Oslo kommune", "Oslo", K.MUNICIPALITY, "958935420"),
    ("Bergen kommune", "Bergen", K.MUNICIPALITY, "964338531"),
    ("Trondheim kommune", "Trondheim", K.MUNICIPALITY, "942110464"),
    ("Tromsø kommune", "Tromsø", K.MUNICIPALITY, "940101808"),
]

USERS = [
    # (username, first name, last name, role, organisation short name); is_staff follows the role
    ("strategikontor", "Siri", "Strategi", User.Role.STRATEGY_OFFICE, "Hdir"),
    ("eier-nhn", "Ola", "Eier", User.Role.OWNER_EDITOR, "NHN"),
    ("eier-oslo", "Kari", "Kommune", User.Role.OWNER_EDITOR, "Oslo"),
    ("nuit-medlem", "Nils", "Utvalg", User.Role.BODY_MEMBER, "Helse Vest"),
]


# Where each role starts, for the summary ``load_demo`` prints.
_ROLE_DOES = {
    User.Role.STRATEGY_OFFICE: "maintains and publishes everything; also /admin/",
    User.Role.OWNER_EDITOR: "keeps its organisation's items and indicator data current",
    User.Role.BODY_MEMBER: "reads unpublished strategy versions and, later, meeting papers",
}


def summary(*, demo_passwords: bool = False) -> list[str]:
    """Lines telling a new user who the demo users are and where they start (no password unless set)."""
    with translation.override("en"):
        roles = {role: str(role.label) for role in User.Role}
    lines = ["", "Demo users (log in at /konto/logg-inn/, then open the workspace at /forvaltning/):"]
    for username, _first, _last, role, organisation in USERS:
        lines.append(f"  {username:<15} {roles[role]:<24} {organisation:<14} {_ROLE_DOES[role]}")
    if demo_passwords:
        lines.append(f"  Password for every demo user: {DEMO_PASSWORD}")
    else:
        lines.append("  They have no usable password; `make run` gives them the documented demo password.")
    return lines


def load(*, demo_passwords: bool = False) -> None:
    by_short_name = {}
    for name, short_name, kind, number in ORGANISATIONS:
        organisation, _changed = upsert(
            Organisation,
            {"name": name},
            {
                "short_name": short_name,
                "slug": norwegian_slugify(short_name or name),
                "kind": kind,
                "organisation_number": number,
            },
        )
        by_short_name[short_name] = organisation
    for username, first, last, role, organisation in USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username)
            user.set_unusable_password()
        values = {
            "first_name": first,
            "last_name": last,
            "role": role,
            "organisation": by_short_name[organisation],
            "email": f"{username}@example.org",
        }
        changed = [field for field, value in values.items() if getattr(user, field, None) != value]
        for field in changed:
            setattr(user, field, values[field])
        if user._state.adding or changed:
            user.save()
        if demo_passwords and not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
