variable "dr_region" {
  type        = string
  description = "Region of the disaster-recovery VPC, chosen at apply time"
}
