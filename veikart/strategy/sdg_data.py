"""The 17 UN Sustainable Development Goals: number, Norwegian title, English title."""

SUSTAINABLE_DEVELOPMENT_GOALS = [
    (1, "Utrydde fattigdom", "No poverty"),
    (2, "Utrydde sult", "Zero hunger"),
    (3, "God helse og livskvalitet", "Good health and well-being"),
    (4, "God utdanning", "Quality education"),
    (5, "Likestilling mellom kjønnene", "Gender equality"),
    (6, "Rent vann og gode sanitærforhold", "Clean water and sanitation"),
    (7, "Ren energi til alle", "Affordable and clean energy"),
    (8, "Anstendig arbeid og økonomisk vekst", "Decent work and economic growth"),
    (9, "Industri, innovasjon og infrastruktur", "Industry, innovation and infrastructure"),
    (10, "Mindre ulikhet", "Reduced inequalities"),
    (11, "Bærekraftige byer og lokalsamfunn", "Sustainable cities and communities"),
    (12, "Ansvarlig forbruk og produksjon", "Responsible consumption and production"),
    (13, "Stoppe klimaendringene", "Climate action"),
    (14, "Liv under vann", "Life below water"),
    (15, "Liv på land", "Life on land"),
    (16, "Fred, rettferdighet og velfungerende institusjoner", "Peace, justice and strong institutions"),
    (17, "Samarbeid for å nå målene", "Partnerships for the goals"),
]
