region = "cn-beijing"
