region = "ap-chengdu"
