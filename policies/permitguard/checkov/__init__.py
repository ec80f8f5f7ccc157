"""Checkov front door: checks built from the rule catalog (`checks.build_checks`). A check finds the root
configuration of the resource Checkov hands it (`roots`) and judges the resource as the shared Terraform
evaluation (`permitguard.terraform`, through `shared`) has it: Checkov and the CLI judge the same values.
What the checks of one process share (Checkov gives a check no run to keep it in) lives in `run_state`."""
