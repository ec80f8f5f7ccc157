"""Checkov `--external-checks-dir` entry: registers one check per permitguard rule (CKV_CNLIC_*).

    checkov -d DIR --external-checks-dir policies/checkov --skip-download
    checkov -f plan.json --framework terraform_plan --external-checks-dir policies/checkov --skip-download

Checkov imports this file by its bare name, so it holds no relative imports; permitguard itself must be
installed in Checkov's environment.
"""
from permitguard.checkov.checks import build_checks

CHECKS = build_checks()
