"""What auditors take away from a report: an evidence bundle (`bundle`: a reproducible zip with a manifest
of hashes, and its verification) and the view of what changed between two audits (`compare`)."""
