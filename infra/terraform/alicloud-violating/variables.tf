variable "deploy_region" {
  type = string
}
