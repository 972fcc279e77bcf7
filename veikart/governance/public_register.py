"""What the public governance pages add to the shared machinery, registered from ``apps.ready``:
the "Decisions" sections, the sitemaps, the site search's kind ``decision`` and the indexing of
decisions recorded before the search index."""

from __future__ import annotations


def register(app_config) -> None:
    from veikart.core.sections import register_section
    from veikart.core.sitemaps import register_sitemap

    from . import decision_search, search_documents, sections, sitemaps

    for page in sections.LINKS:
        register_section(
            page, order=60, template="governance/_decisions_section.html", context=sections.section_for(page)
        )
    register_sitemap("governance-pages", sitemaps.GovernancePagesSitemap)
    register_sitemap("governance-bodies", sitemaps.BodySitemap)
    register_sitemap("governance-meetings", sitemaps.MeetingSitemap)
    register_sitemap("governance-cases", sitemaps.CaseSitemap)
    search_documents.register()
    decision_search.connect_post_migrate(app_config)
