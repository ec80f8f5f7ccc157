common_tags = {
  "license-service"  = "idc"
  "protection-grade" = "3"
  "security-filing"  = "MIIT-SEC-2024-0301"
}
