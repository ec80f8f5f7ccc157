# Loaded after terraform.tfvars: these values win.
region     = "cn-shenzhen"
admin_cidr = "0.0.0.0/0"
