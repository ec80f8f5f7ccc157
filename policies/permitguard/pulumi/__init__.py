"""Pulumi front door: the CrossGuard policy pack (policies/pulumi) and the `pulumi preview --json` reader
share this translation of Pulumi resources into the normalised model.

    wire       Pulumi wire-format props → Terraform-named attributes (unknowns and secrets → Unknown)
    providers  which provider a resource uses (default from stack config, or explicit) and its region
    adapter    token + URN + props + provider → Resource (provider resources are Resources too)
    config     the licence profile from `--policy-pack-config`, else $PERMITGUARD_LICENSE, else bundled
    secrets    keeps pulumi-policy from handing policies a secret's plaintext
    shared_reads  what pulumi-policy reads of one Analyze request, read once for all the pack's policies
    levels     the enforcement levels and licence settings Pulumi configured for each policy
    policies   one ResourceValidationPolicy per rule of the catalog (the factory the pack calls)
    run_state  what the pack's policies share in one process (the SDK gives a policy no run to keep it in)

Nothing here holds rule logic or rule metadata: the engine judges, the rule catalog names and describes.
"""
