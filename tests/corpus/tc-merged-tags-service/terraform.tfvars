common_tags = {
  owner             = "platform"
  "license-service" = "isp"
}
