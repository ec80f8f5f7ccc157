provider "volcengine" {
  region = "cn-beijing"
}

resource "volcengine_cen" "corp" {
  cen_name = "corp-cen"
}

resource "volcengine_cen_bandwidth_package" "domestic" {
  local_geographic_region_set_id = "China"
  peer_geographic_region_set_id  = "China"
  bandwidth                      = 5
  billing_type                   = "PrePaid"
  period_unit                    = "Month"
  period                         = 1
}

# China <-> Asia (outside the mainland), carried by China Unicom.
resource "volcengine_cen_bandwidth_package" "to_asia" {
  local_geographic_region_set_id = "China"
  peer_geographic_region_set_id  = "Asia"
  line_operator                  = "ChinaUnicom"
  bandwidth                      = 5
  billing_type                   = "PrePaid"
  period_unit                    = "Month"
  period                         = 1
}

resource "volcengine_cen_inter_region_bandwidth" "bj_sh" {
  cen_id          = volcengine_cen.corp.id
  local_region_id = "cn-beijing"
  peer_region_id  = "cn-shanghai"
  bandwidth       = 2
}
