"""The asset graph: scrapers -> transforms -> warehouse -> dashboards."""
