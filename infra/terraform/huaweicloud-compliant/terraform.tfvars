region = "cn-north-4"
