variable "region" {
  type        = string
  description = "Home region of this stack (set in terraform.tfvars)"
}

variable "dr_region" {
  type        = string
  description = "Disaster-recovery region, chosen at apply time"
}
