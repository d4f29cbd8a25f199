"""Small helpers every room may import (scrapers, transforms, warehouse, dashboards, the
CLI and Dagster). They import nothing of ours and read no settings."""
