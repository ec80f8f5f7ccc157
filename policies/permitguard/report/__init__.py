"""Reports: the findings document and every output made from it.

- `inputs/`: what `permitguard report` reads, one reader per format (our findings JSON, Checkov JSON, Pulumi
  engine events), each into a `Part`; `inputs.merge` makes one document of them.
- `document`: the findings document (schemas/findings.schema.json); the one builder of a finding's
  document form, and `blocking` on it. `advisories`, `uncatalogued`: what it says about the whole scan.
- `record`: the document's findings typed, as the view and the renderers read them. `view`, `matrix`,
  `inventory`, `places`: what the HTML and Markdown reports show, from those and the run's catalogs
  (`Context`).
- `formats/`: one renderer per format (text, json, sarif, junit, markdown, html; templates in
  `templates/`); `escape`: the one escaping module; `labels`: the report's own words; `console`: colour.
"""
