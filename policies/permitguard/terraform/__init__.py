"""Terraform configuration evaluated as Terraform evaluates it, once, for every front door.

The CLI (`permitguard scan DIR`) and the Checkov checks both ask this package what a root module creates:
every resource instance (count / for_each expanded, zero instances absent), its attribute values with
variables, tfvars, locals, functions, `for` and `dynamic` forms evaluated, the provider configuration it
uses, and what could not be read (a module that is not on disk, a file that does not parse).

The evaluator is tfparse (Cloud Custodian's Terraform loader, built on Trivy's evaluator), run in a worker
process with a clean environment (`TF_VAR_*` and the rest of the environment are invisible to policy, as
they are to a reviewer), bounded in time. Its output is then made honest here: values it could not know
(placeholder ids of other blocks, unresolved references, variables without a value) become `Unknown`
with the expression as written and its file:line; a value computed from a module that could not be read
is unknown too, never the literal fallback of a `try()`.

    from permitguard.terraform.evaluate import evaluate_root
    evaluation = evaluate_root(Path("examples/basic"), types=ctx.types)  # the run's resource-type catalog
    evaluation.resources     # [Resource], addresses as Terraform writes them: module.sg.x.this[0]
    evaluation.problems      # [Problem]: module calls or files that could not be read
"""
