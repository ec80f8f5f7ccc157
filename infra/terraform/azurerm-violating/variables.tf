variable "dr_location" {
  type        = string
  description = "Location of the disaster-recovery resource group, chosen at apply time"
}
