"""Checkov front door: checks built from the rule catalog (`checks.build_checks`), and the adapter
(`adapter.to_resource`) that turns a Checkov resource and its graph into a `Resource`."""
