"""promptjobs package."""
