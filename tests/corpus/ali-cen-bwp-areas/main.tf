# CEN bandwidth packages: the two geographic areas decide whether the package links the mainland to abroad.
provider "alicloud" {
  region = "cn-beijing"
}

variable "far_area" {
  type = string # no default: supplied at plan time only
}

resource "alicloud_cen_instance" "backbone" {
  cen_instance_name = "corp-backbone"
}

# Mainland to mainland.
resource "alicloud_cen_bandwidth_package" "domestic" {
  cen_bandwidth_package_name = "bwp-domestic"
  bandwidth                  = 10
  geographic_region_a_id     = "China"
  geographic_region_b_id     = "China"
}

# Mainland to North America: a cross-border channel.
resource "alicloud_cen_bandwidth_package" "to_us" {
  cen_bandwidth_package_name = "bwp-us"
  bandwidth                  = 20
  geographic_region_a_id     = "China"
  geographic_region_b_id     = "North-America"
}

# The old list form (deprecated since 1.98.0) naming Europe.
resource "alicloud_cen_bandwidth_package" "legacy_eu" {
  bandwidth             = 5
  geographic_region_ids = ["China", "Europe"]
}

# Area B from a variable that has no value in the configuration.
resource "alicloud_cen_bandwidth_package" "from_input" {
  bandwidth              = 5
  geographic_region_a_id = "China"
  geographic_region_b_id = var.far_area
}

# The attachment binds a package to the CEN: it carries the package's verdict.
resource "alicloud_cen_bandwidth_package_attachment" "to_us" {
  instance_id          = alicloud_cen_instance.backbone.id
  bandwidth_package_id = alicloud_cen_bandwidth_package.to_us.id
}
